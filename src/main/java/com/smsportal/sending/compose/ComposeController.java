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
  private final ComposeSources sources;

  ComposeController(
      Compose compose,
      GatewayAccess gateway,
      ComposeProperties properties,
      PersonalCheck personalCheck,
      ComposeSources sources) {
    this.personalCheck = personalCheck;
    this.sources = sources;
    this.compose = compose;
    this.gateway = gateway;
    this.properties = properties;
  }

  /**
   * The compose page; {@code templateId} (the templates page's "send" link, issue 24) starts it
   * from that template when it is approved.
   */
  @GetMapping("/send")
  String compose(
      @RequestParam(name = "templateId", required = false) Long templateId, Model model) {
    ComposeForm form = new ComposeForm(null, "", "", "", "", UUID.randomUUID().toString());
    if (templateId != null) {
      ComposeForm chosen =
          new ComposeForm(null, "", "", "", "", form.idempotencyKey(), null, templateId, null);
      FormErrors errors = new FormErrors();
      ComposeForm resolved = sources.resolve(chosen, errors);
      form = errors.any() ? form : resolved;
    }
    model.addAttribute("form", form);
    model.addAttribute("analysis", ComposeAnalysis.of("", form.content()));
    if (PersonalReview.personalised(form.content())) {
      model.addAttribute("personalCheck", personalCheck.template(form));
    }
    sources.offer(model);
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
      @ModelAttribute("form") ComposeForm typed,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model)
      throws IOException {
    // The chosen template's text and the chosen groups' numbers, as the submit will read them.
    FormErrors errors = new FormErrors();
    ComposeForm form = sources.resolve(typed, errors);
    if (PersonalReview.personalised(form.content())) {
      // Content with placeholders (issue 24): the page sends the chosen spreadsheet along.
      model.addAttribute("personalCheck", personalCheck.check(form, errors, file));
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
