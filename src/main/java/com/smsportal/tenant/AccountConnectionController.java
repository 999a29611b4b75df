package com.smsportal.tenant;

import com.smsportal.gateway.GatewayException;
import com.smsportal.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
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

  @PostMapping("/accounts/{id}/test-connection")
  String test(
      @PathVariable long id, HttpServletRequest request, Model model, RedirectAttributes redirect) {
    ConnectionCheck check;
    try {
      check =
          ConnectionCheck.of(
              access
                  .call(id, AccountGateway::overage)
                  .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    } catch (GatewayException failure) {
      check = ConnectionCheck.of(failure);
    } catch (RotationInProgressException rotating) {
      // Which password is valid is not settled yet: nothing may use the account meanwhile.
      check = ConnectionCheck.waitingForRotation();
    } catch (PasswordNeededException stale) {
      check = ConnectionCheck.passwordNeeded();
    }
    if (Htmx.isRequest(request)) {
      model.addAttribute("connection", check);
      return RESULT;
    }
    redirect.addFlashAttribute("connection", check);
    return "redirect:/accounts/" + id;
  }
}
