package com.smsportal.gatewayaccount.account;

import com.smsportal.gateway.GatewayClient;
import com.smsportal.gatewayaccount.AccountCall;
import com.smsportal.web.NotFoundException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Test connection": asks the gateway for the account's balance ({@code overage}) and shows what
 * came back. Stores nothing, except that an account not verified yet is verified when the gateway
 * accepts its password, and then claims its gateway account (issue 20).
 */
@Controller
class AccountConnectionController {

  static final String RESULT = "partials/account/connection :: result";

  private final AccountLogins logins;
  private final GatewayClient client;
  private final AccountChanges accounts;

  AccountConnectionController(AccountLogins logins, GatewayClient client, AccountChanges accounts) {
    this.logins = logins;
    this.client = client;
    this.accounts = accounts;
  }

  /** The result in place of the button's panel (htmx). */
  @HxRequest
  @PostMapping("/accounts/{id}/test-connection")
  String test(@PathVariable long id, Model model) {
    ConnectionCheck connection = check(id);
    model.addAttribute("connection", connection);
    model.addAttribute("claim", claim(id, connection));
    return RESULT;
  }

  /** Without htmx: the result on the account's page. */
  @PostMapping("/accounts/{id}/test-connection")
  String testPage(@PathVariable long id, RedirectAttributes redirect) {
    ConnectionCheck connection = check(id);
    redirect.addFlashAttribute("connection", connection);
    redirect.addFlashAttribute("claim", claim(id, connection));
    return "redirect:/accounts/" + id;
  }

  /**
   * After an accepted password: "verified" if the account was verified just now, "taken" if another
   * row holds its gateway account (told only now, the password proven); null otherwise.
   */
  private String claim(long id, ConnectionCheck connection) {
    if (!connection.ok()) {
      return null;
    }
    try {
      return accounts.verified(id) ? "verified" : null;
    } catch (IdentityTakenException taken) {
      return "taken";
    }
  }

  private ConnectionCheck check(long id) {
    return AccountCall.attempt(() -> logins.current(id), client::overage)
        .fold(
            ConnectionCheck::of,
            unusable ->
                switch (unusable) {
                  case NOT_FOUND -> throw new NotFoundException();
                  // Which password is valid is not settled yet: nothing may use the account.
                  case ROTATING -> ConnectionCheck.waitingForRotation();
                  case PASSWORD_NEEDED -> ConnectionCheck.passwordNeeded();
                },
            ConnectionCheck::of);
  }
}
