package com.smsportal.notifications.preference;

import com.smsportal.notifications.NoticeKind;
import com.smsportal.user.UserService;
import com.smsportal.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every signed-in user's own notice settings ({@code /settings/notifications}): per kind they
 * receive, in-app only or also by e-mail, the address and the mails' language. Says when this
 * portal sends no mail at all (no {@code spring.mail.host}).
 */
@Controller
class PreferenceController {

  static final String VIEW = "notifications/preferences";
  static final String PATH = "/settings/notifications";

  private final Preferences preferences;
  private final MailSwitch mail;

  PreferenceController(Preferences preferences, MailSwitch mail) {
    this.preferences = preferences;
    this.mail = mail;
  }

  @GetMapping(PATH)
  String show(Model model) {
    List<NoticeKind> kinds = kinds();
    return page(model, PreferenceForm.of(kinds, preferences.of(userId())), Map.of());
  }

  @PostMapping(PATH)
  String save(HttpServletRequest request, Model model, RedirectAttributes redirect) {
    List<NoticeKind> kinds = kinds();
    PreferenceForm form = PreferenceForm.read(kinds, request::getParameter);
    Map<String, String> errors = form.errors();
    if (!errors.isEmpty()) {
      return page(model, form, errors);
    }
    preferences.save(userId(), form.preference());
    redirect.addFlashAttribute("saved", true);
    return "redirect:" + PATH;
  }

  private String page(Model model, PreferenceForm form, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("languages", Preferences.LANGUAGES);
    model.addAttribute("mailOn", mail.on());
    return VIEW;
  }

  /** The kinds the signed-in user's role receives. */
  private static List<NoticeKind> kinds() {
    return NoticeKind.forRole(UserService.currentRole().orElseThrow(NotFoundException::new));
  }

  private static long userId() {
    return UserService.currentUserId().orElseThrow(NotFoundException::new);
  }
}
