package com.smsportal.sending.compose;

import com.smsportal.gatewayaccount.AccountCall;
import com.smsportal.gatewayaccount.GatewayAccess;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

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
  private final ComposeProperties properties;
  private final PersonalCheck personalCheck;

  ComposeController(
      Compose compose,
      GatewayAccess gateway,
      ComposeProperties properties,
      PersonalCheck personalCheck) {
    this.personalCheck = personalCheck;
    this.compose = compose;
    this.gateway = gateway;
    this.properties = properties;
  }

  @GetMapping("/send")
  String compose(Model model) {
    model.addAttribute("form", new ComposeForm(null, "", "", "", "", UUID.randomUUID().toString()));
    model.addAttribute("analysis", ComposeAnalysis.of("", ""));
    model.addAttribute("accounts", compose.accounts());
    model.addAttribute("allowance", compose.allowance());
    model.addAttribute("lengths", properties);
    return Compose.VIEW;
  }

  /**
   * The live summary under the form, with the tenant's limit for the next job and the blocked words
   * (asked once per text); changes nothing.
   */
  @PostMapping("/send/check")
  String check(
      @ModelAttribute("form") ComposeForm form,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model)
      throws IOException {
    if (PersonalReview.personalised(form.content())) {
      // Content with placeholders (issue 24): the page sends the chosen spreadsheet along.
      model.addAttribute("personalCheck", personalCheck.check(form, file));
    }
    model.addAttribute(
        "analysis", compose.analyse(form.accountId(), form.mobiles(), form.content()));
    model.addAttribute("allowance", compose.allowance());
    model.addAttribute("lengths", properties);
    model.addAttribute("liveBlocked", compose.blockedWords(form.accountId(), form.content()));
    return CHECK;
  }

  /** Asks the gateway whether the content holds blocked words, with the chosen account. */
  @PostMapping("/send/keywords")
  String keywords(@ModelAttribute("form") ComposeForm form, Model model) {
    KeywordOutcome found =
        form.accountId() == null || form.content() == null || form.content().isBlank()
            ? new KeywordOutcome("send.keywords.incomplete", List.of(), null)
            : gateway
                .call(form.accountId(), account -> account.checkKeyword(form.content()))
                .fold(
                    check ->
                        new KeywordOutcome(
                            check.clean() ? "send.keywords.clean" : "send.keywords.blocked",
                            check.words(),
                            check.message()),
                    unusable ->
                        new KeywordOutcome(
                            switch (unusable) {
                              case NOT_FOUND -> "send.keywords.noAccount";
                              case ROTATING -> "send.keywords.rotating";
                              case PASSWORD_NEEDED -> AccountCall.PASSWORD_NEEDED_KEY;
                            },
                            List.of(),
                            null),
                    failure ->
                        new KeywordOutcome(
                            failure.error().readMessageKey(),
                            List.of(),
                            failure.upstreamMessage()));
    model.addAttribute("keywordOutcome", found.messageKey());
    model.addAttribute("blockedWords", String.join("、", found.words()));
    model.addAttribute("keywordUpstream", found.upstream());
    return KEYWORDS;
  }

  /** What the keyword check says: its explanation, the blocked words, the gateway's own text. */
  private record KeywordOutcome(String messageKey, List<String> words, String upstream) {}
}
