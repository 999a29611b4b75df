package com.smsportal.user.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new portal user as support types it. User names: 3–64 of a-z, 0-9, dot, dash, underscore. */
record UserForm(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}") String username,
    @Size(max = 100) String displayName) {

  static UserForm empty() {
    return new UserForm("", "");
  }
}
