package com.smsportal.user.throttle;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.user.account.Usernames;
import com.smsportal.web.KeysetList;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins see the login records, filtered ({@link LoginAttemptQuery}: {@code username}, {@code ip},
 * {@code result}, {@code from}, {@code to}) and paged by keyset newest first ({@code before}) like
 * the receipts; the user names locked now (on which address, or their codes) and the addresses
 * slowed down now, and the node's failed-login alarm; they can lift a lock (every lock and slowdown
 * of the name) or an address's slowdown.
 */
@Controller
class LoginAttemptsController {

  static final String VIEW = "user/login-attempts";
  static final int PAGE_SIZE = 50;

  /** The result filter's choices besides each single outcome. */
  static final List<String> RESULT_GROUPS = List.of("ALL", "FAILED");

  private final KeysetList<LoginAttemptQuery, LoginRecords.Attempt> list;
  private final LoginRecords records;
  private final SignInAlarm alarm;
  private final AuditLog audit;

  LoginAttemptsController(
      LoginRecords records, LoginAttemptSearch search, SignInAlarm alarm, AuditLog audit) {
    this.records = records;
    this.alarm = alarm;
    this.audit = audit;
    // No export and no gateway accounts: the list part of a KeysetList only.
    this.list =
        new KeysetList<>(
            "/admin/logins", "attempts", PAGE_SIZE, LoginAttemptQuery::read, search, Map::of, null);
  }

  @GetMapping("/admin/logins")
  String list(HttpServletRequest request, Model model) {
    LoginAttemptQuery query = list.show(request, model);
    model.addAttribute("resultFilter", query.result());
    model.addAttribute("narrowed", query.narrowed());
    model.addAttribute("resultGroups", RESULT_GROUPS);
    model.addAttribute("outcomes", LoginOutcome.values());
    model.addAttribute("locked", records.lockedNow());
    model.addAttribute("blocked", records.blockedNow());
    model.addAttribute("alarm", alarm.status());
    return VIEW;
  }

  @PostMapping("/admin/logins/unlock")
  String unlock(@RequestParam String username, RedirectAttributes redirect) {
    String name = Usernames.normalize(username);
    records.unlock(name);
    audit.record(AuditEntry.success(AuditAction.LOGIN_UNLOCKED, name));
    redirect.addFlashAttribute("unlocked", name);
    return "redirect:/admin/logins";
  }

  @PostMapping("/admin/logins/unblock")
  String unblock(@RequestParam String client, RedirectAttributes redirect) {
    records.unblock(client);
    audit.record(
        AuditEntry.success(AuditAction.LOGIN_UNLOCKED, client)
            .detail(AuditDetail.of("audit.detail.clientAddress")));
    redirect.addFlashAttribute("unlocked", client);
    return "redirect:/admin/logins";
  }
}
