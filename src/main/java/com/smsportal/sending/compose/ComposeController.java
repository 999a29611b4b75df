package com.smsportal.sending.compose;

import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.KeywordCheck;
import com.smsportal.gatewayaccount.GatewayAccess;
import com.smsportal.gatewayaccount.PasswordNeededException;
import com.smsportal.gatewayaccount.RotationInProgressException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The compose page and its live checks: numbers, segments and cost as the user types (htmx), and
 * the gateway's blocked-word check on demand.
 */
@Controller
class ComposeController {

  static final String CHECK = "partials/send/check :: result";
  static final String KEYWORDS = "partials/send/keywords :: result";

  private final Compose compose;
  private final GatewayAccess gateway;

  ComposeController(Compose compose, GatewayAccess gateway) {
    this.compose = compose;
    this.gateway = gateway;
  }

  @GetMapping("/send")
  String compose(Model model) {
    model.addAttribute("form", new ComposeForm(null, "", "", "", "", UUID.randomUUID().toString()));
    model.addAttribute("analysis", ComposeAnalysis.of("", ""));
    model.addAttribute("accounts", compose.accounts());
    model.addAttribute("allowance", compose.allowance());
    return Compose.VIEW;
  }

  /** The live summary under the form; changes nothing. */
  @PostMapping("/send/check")
  String check(@ModelAttribute("form") ComposeForm form, Model model) {
    model.addAttribute(
        "analysis", compose.analyse(form.accountId(), form.mobiles(), form.content()));
    return CHECK;
  }

  /** Asks the gateway whether the content holds blocked words, with the chosen account. */
  @PostMapping("/send/keywords")
  String keywords(@ModelAttribute("form") ComposeForm form, Model model) {
    String outcome;
    List<String> words = List.of();
    String upstream = null;
    if (form.accountId() == null || form.content() == null || form.content().isBlank()) {
      outcome = "send.keywords.incomplete";
    } else {
      try {
        KeywordCheck check =
            gateway
                .call(form.accountId(), account -> account.checkKeyword(form.content()))
                .orElse(null);
        if (check == null) {
          outcome = "send.keywords.noAccount";
        } else {
          outcome = check.clean() ? "send.keywords.clean" : "send.keywords.blocked";
          words = check.words();
          upstream = check.message();
        }
      } catch (RotationInProgressException rotating) {
        outcome = "send.keywords.rotating";
      } catch (PasswordNeededException stale) {
        outcome = PasswordNeededException.MESSAGE_KEY;
      } catch (GatewayException failure) {
        outcome = failure.error().messageKey();
        upstream = failure.upstreamMessage();
      }
    }
    model.addAttribute("keywordOutcome", outcome);
    model.addAttribute("blockedWords", String.join("、", words));
    model.addAttribute("keywordUpstream", upstream);
    return KEYWORDS;
  }
}
