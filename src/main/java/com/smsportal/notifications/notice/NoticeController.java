package com.smsportal.notifications.notice;

import com.smsportal.user.UserService;
import com.smsportal.web.FilterInput;
import com.smsportal.web.KeysetList;
import com.smsportal.web.NotFoundException;
import com.smsportal.web.PageCursor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in user's own notices, whatever their role: the list ({@code /notifications}, newest
 * first by keyset, {@code unread=1} for the unread only), the bell's count ({@code
 * /notifications/count}, the fragment the top bar polls), and marking one or all read. Another
 * user's notice answers 404, as a notice that does not exist does.
 */
@Controller
class NoticeController {

  static final String VIEW = "notifications/list";
  static final String BELL = "partials/notifications/bell :: bell";
  static final int PAGE_SIZE = 30;

  private final Notices notices;
  private final KeysetList<Boolean, Notices.Notice> list;

  NoticeController(Notices notices) {
    this.notices = notices;
    this.list =
        new KeysetList<>(
            "/notifications",
            "notices",
            PAGE_SIZE,
            NoticeController::unreadOnly,
            new KeysetList.Rows<>() {
              @Override
              public List<Notices.Notice> page(Boolean unread, PageCursor before, int limit) {
                return notices.page(userId(), unread, before, limit);
              }

              @Override
              public List<Notices.Notice> pageBelowId(Boolean unread, Long beforeId, int limit) {
                throw new UnsupportedOperationException("no export");
              }
            },
            Map::of,
            null);
  }

  @GetMapping("/notifications")
  String list(HttpServletRequest request, Model model) {
    boolean unread = list.show(request, model);
    model.addAttribute("unreadOnly", unread);
    model.addAttribute("unreadCount", notices.unread(userId()));
    return VIEW;
  }

  @GetMapping("/notifications/count")
  String count(Model model) {
    model.addAttribute("unreadCount", notices.unread(userId()));
    return BELL;
  }

  @PostMapping("/notifications/{id}/read")
  String read(@PathVariable long id, RedirectAttributes redirect) {
    if (!notices.markRead(userId(), id)) {
      throw new NotFoundException();
    }
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/read-all")
  String readAll(RedirectAttributes redirect) {
    redirect.addFlashAttribute("markedRead", notices.markAllRead(userId()));
    return "redirect:/notifications";
  }

  private static boolean unreadOnly(FilterInput input) {
    return "1".equals(input.parameter("unread"));
  }

  private static long userId() {
    return UserService.currentUserId().orElseThrow(NotFoundException::new);
  }
}
