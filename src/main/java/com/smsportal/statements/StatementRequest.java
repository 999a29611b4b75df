package com.smsportal.statements;

import com.smsportal.web.Times;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a statement, read: {@code account} (a gateway account id; blank: the first
 * account the user may see) and {@code month} ({@code yyyy-MM}; blank: the current China month).
 * What cannot be read is in {@link #errors} (field name to message key), and no query may run then.
 */
record StatementRequest(Long accountId, YearMonth month, Map<String, String> errors) {

  static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

  /** Months a statement may be asked for: the portal's own lifetime, give or take. */
  static final YearMonth FIRST = YearMonth.of(2000, 1);

  static final YearMonth LAST = YearMonth.of(2099, 12);

  static StatementRequest read(String account, String month, Clock clock) {
    Map<String, String> errors = new LinkedHashMap<>();
    Long accountId = null;
    if (account != null && !account.isBlank()) {
      try {
        accountId = Long.parseLong(account.strip());
        if (accountId <= 0) {
          errors.put("account", "statements.error.account");
        }
      } catch (NumberFormatException e) {
        errors.put("account", "statements.error.account");
      }
    }
    YearMonth parsed = YearMonth.from(LocalDate.ofInstant(clock.instant(), Times.ZONE));
    if (month != null && !month.isBlank()) {
      try {
        parsed = YearMonth.parse(month.strip(), MONTH);
        if (parsed.isBefore(FIRST) || parsed.isAfter(LAST)) {
          errors.put("month", "statements.error.monthRange");
        }
      } catch (DateTimeParseException e) {
        errors.put("month", "statements.error.month");
      }
    }
    return new StatementRequest(accountId, parsed, errors);
  }

  boolean valid() {
    return errors.isEmpty();
  }
}
