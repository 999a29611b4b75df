package com.smsportal.gateway;

/** A password change the gateway confirmed (密码修改成功). */
public record PasswordChange(String message, String rawAnswer) {}
