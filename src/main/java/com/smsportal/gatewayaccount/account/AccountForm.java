package com.smsportal.gatewayaccount.account;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.endpoint.EndpointView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The gateway account form. The endpoint is chosen from the administrators' list by id; nobody
 * types an address. The password fields are write-only: empty when the form is shown, and on an
 * edit an empty password keeps the stored one, unless the endpoint, userid or account changes. The
 * tenant is not part of it: it comes from the logged-in customer, or for staff from a separate,
 * staff-only choice.
 */
record AccountForm(
    @NotBlank(message = "{accounts.error.required}")
        @Size(max = 100, message = "{accounts.error.tooLong}")
        String name,
    @NotNull(message = "{accounts.error.endpoint}") Long endpointId,
    @NotNull(message = "{accounts.error.required}") GatewayCharset charset,
    @NotBlank(message = "{accounts.error.required}")
        @Pattern(regexp = "\\s*\\d{1,20}\\s*", message = "{accounts.error.userid}")
        String userid,
    @NotBlank(message = "{accounts.error.required}")
        @Size(max = 64, message = "{accounts.error.tooLong}")
        String account,
    @Size(max = 64, message = "{accounts.error.tooLong}") String password,
    String passwordConfirmation,
    @NotNull(message = "{accounts.error.required}")
        @Min(value = 1, message = "{accounts.error.chunkSize}")
        @Max(value = 5000, message = "{accounts.error.chunkSize}")
        Integer chunkSize,
    boolean extnoSupported,
    boolean active,
    @Min(value = 0, message = "{accounts.error.threshold}")
        @Max(value = 1_000_000_000L, message = "{accounts.error.threshold}")
        Long lowBalanceThreshold) {

  /** An empty form on the first of the endpoints, with its charset, if there is one. */
  static AccountForm blank(EndpointView endpoint) {
    return new AccountForm(
        "",
        endpoint == null ? null : endpoint.id(),
        endpoint == null ? GatewayCharset.UTF8 : endpoint.defaultCharset(),
        "",
        "",
        "",
        "",
        AccountSettings.DEFAULT_CHUNK_SIZE,
        false,
        true,
        null);
  }

  /** An account's settings, with the password fields left empty. */
  static AccountForm of(GatewayAccountView account) {
    return new AccountForm(
        account.name(),
        account.endpointId(),
        account.charset(),
        account.userid(),
        account.account(),
        "",
        "",
        account.chunkSize(),
        account.extnoSupported(),
        account.active(),
        account.lowBalanceThreshold());
  }

  /** What the account takes of the form: everything but the password fields. */
  AccountSettings settings() {
    return new AccountSettings(
        name,
        endpointId,
        charset,
        userid,
        account,
        chunkSize,
        extnoSupported,
        active,
        lowBalanceThreshold);
  }

  boolean hasNewPassword() {
    return password != null && !password.isEmpty();
  }

  @Override
  public String toString() {
    return "AccountForm[name=" + name + ", endpointId=" + endpointId + ", userid=" + userid + "]";
  }
}
