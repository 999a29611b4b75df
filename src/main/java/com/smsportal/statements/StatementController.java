package com.smsportal.statements;

import com.smsportal.gatewayaccount.GatewayAccountView;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The statement page ({@code /statements?account=&month=yyyy-MM}): one account's month per China
 * day, its totals and balance readings, a chart of the month's days and the downloads. A parameter
 * that cannot be read is shown next to its field (400, no query); an account the user may not see,
 * another tenant's included, is the portal's 404.
 */
@Controller
class StatementController {

  static final String VIEW = "statements/month";

  private final Statements statements;
  private final Clock clock;

  StatementController(Statements statements, Clock clock) {
    this.statements = statements;
    this.clock = clock;
  }

  @GetMapping("/statements")
  String month(
      @RequestParam(required = false) String account,
      @RequestParam(required = false) String month,
      Model model,
      HttpServletResponse response) {
    StatementRequest request = StatementRequest.read(account, month, clock);
    List<Statements.AccountOption> options = statements.options();
    model.addAttribute("accounts", options);
    model.addAttribute("errors", request.errors());
    model.addAttribute("columns", StatementColumn.values());
    model.addAttribute(
        "monthValue",
        request.errors().containsKey("month")
            ? month
            : request.month().format(StatementRequest.MONTH));
    model.addAttribute("accountValue", account);
    if (!request.valid()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return VIEW;
    }
    Optional<GatewayAccountView> chosen = statements.chosen(request.accountId(), options);
    if (chosen.isEmpty()) {
      model.addAttribute("noAccounts", true);
      return VIEW;
    }
    GatewayAccountView view = chosen.get();
    MonthStatement statement = statements.of(view, request.month());
    model.addAttribute("accountValue", String.valueOf(view.id()));
    model.addAttribute("statement", statement);
    model.addAttribute("totals", statement.totals());
    model.addAttribute("previous", link("/statements", view.id(), request.month().minusMonths(1)));
    model.addAttribute("next", link("/statements", view.id(), request.month().plusMonths(1)));
    model.addAttribute("xlsx", link("/statements/export.xlsx", view.id(), request.month()));
    model.addAttribute("csv", link("/statements/export.csv", view.id(), request.month()));
    return VIEW;
  }

  private static String link(String path, long account, java.time.YearMonth month) {
    return UriComponentsBuilder.fromPath(path)
        .queryParam("account", account)
        .queryParam("month", month.format(StatementRequest.MONTH))
        .build()
        .toUriString();
  }
}
