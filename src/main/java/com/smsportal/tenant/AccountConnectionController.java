package com.smsportal.tenant;

import com.smsportal.gateway.GatewayException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Test connection": asks the gateway for the account's balance ({@code overage}) and shows what
 * came back. Changes nothing, stores nothing.
 */
@Controller
class AccountConnectionController {

  static final String RESULT = "partials/account/connection :: result";

  private final GatewayAccess access;

  AccountConnectionController(GatewayAccess access) {
    this.access = access;
  }

  /** The result in place of the button's panel (htmx). */
  @HxRequest
  @PostMapping("/accounts/{id}/test-connection")
  String test(@PathVariable long id, Model model) {
    model.addAttribute("connection", check(id));
    return RESULT;
  }

  /** Without htmx: the result on the account's page. */
  @PostMapping("/accounts/{id}/test-connection")
  String testPage(@PathVariable long id, RedirectAttributes redirect) {
    redirect.addFlashAttribute("connection", check(id));
    return "redirect:/accounts/" + id;
  }

  private ConnectionCheck check(long id) {
    try {
      return ConnectionCheck.of(
          access
              .call(id, AccountGateway::overage)
              .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    } catch (GatewayException failure) {
      return ConnectionCheck.of(failure);
    } catch (RotationInProgressException rotating) {
      // Which password is valid is not settled yet: nothing may use the account meanwhile.
      return ConnectionCheck.waitingForRotation();
    } catch (PasswordNeededException stale) {
      return ConnectionCheck.passwordNeeded();
    }
  }
}
