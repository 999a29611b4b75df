package com.smsportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class SmsPortalApplication {

  public static void main(String[] args) {
    SpringApplication.run(SmsPortalApplication.class, args);
  }
}
