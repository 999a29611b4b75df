package com.smsportal.user.throttle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One login attempt, kept for the admins; never holds the password that was typed. */
@Entity
@Table(name = "login_attempt")
public class LoginAttempt {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String username;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private LoginOutcome outcome;

  @Column(name = "client_ip", length = 45)
  private String clientIp;

  @Column(name = "attempted_at", nullable = false)
  private Instant attemptedAt;

  protected LoginAttempt() {}

  LoginAttempt(String username, LoginOutcome outcome, String clientIp, Instant attemptedAt) {
    this.username = username;
    this.outcome = outcome;
    this.clientIp = clientIp;
    this.attemptedAt = attemptedAt;
  }

  Long getId() {
    return id;
  }

  String getUsername() {
    return username;
  }

  public LoginOutcome getOutcome() {
    return outcome;
  }

  String getClientIp() {
    return clientIp;
  }

  Instant getAttemptedAt() {
    return attemptedAt;
  }
}
