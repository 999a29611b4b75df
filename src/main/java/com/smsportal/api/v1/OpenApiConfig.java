package com.smsportal.api.v1;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description of {@code /api/v1/**} (springdoc, generated from the controllers;
 * {@code springdoc.paths-to-match} keeps the pages out), with the bearer key as its security.
 */
@Configuration
class OpenApiConfig {

  static final String BEARER = "apiKey";

  @Bean
  OpenAPI portalApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("SMS Portal API · 短信平台接口")
                .version("v1")
                .description(
                    "发送短信、查询任务、状态报告、上行回复与余额。请求头 `Authorization: Bearer <API 密钥>`；"
                        + "错误为 RFC 9457 application/problem+json。\n\n"
                        + "Send messages, read jobs, delivery reports, replies and the balance."
                        + " Authenticate with `Authorization: Bearer <API key>`; errors are RFC 9457"
                        + " application/problem+json."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("smsp_… (设置 → API 密钥 / Settings → API keys)")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }
}
