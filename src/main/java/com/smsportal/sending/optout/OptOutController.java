package com.smsportal.sending.optout;

import com.smsportal.mobile.MobileNumber;
import com.smsportal.sending.OptOutView;
import com.smsportal.sending.OptOuts;
import com.smsportal.web.KeysetPage;
import com.smsportal.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant's opt-out list: search, add by hand, remove after a confirmation. */
@Controller
class OptOutController {

  static final String LIST = "optout/list";
  static final String NEW = "optout/new";
  static final String REMOVE = "optout/remove";
  static final int PAGE = 50;

  private final OptOuts optOuts;

  OptOutController(OptOuts optOuts) {
    this.optOuts = optOuts;
  }

  /** Newest first, by keyset ({@code before} is the last id of the previous page). */
  @GetMapping("/optouts")
  String list(
      @RequestParam(required = false) String mobile,
      @RequestParam(required = false) Long before,
      Model model) {
    KeysetPage<OptOutView> page = KeysetPage.read(PAGE, n -> optOuts.page(mobile, before, n));
    model.addAttribute("optOuts", page.rows());
    model.addAttribute("nextBefore", page.next(OptOutView::id));
    model.addAttribute("mobileFilter", mobile);
    model.addAttribute("firstPage", before == null);
    return LIST;
  }

  @GetMapping("/optouts/new")
  String form(Model model) {
    model.addAttribute("mobile", "");
    model.addAttribute("note", "");
    return NEW;
  }

  @PostMapping("/optouts")
  String add(
      @RequestParam(defaultValue = "") String mobile,
      @RequestParam(defaultValue = "") String note,
      Model model,
      RedirectAttributes redirect) {
    OptOuts.Added added = optOuts.add(mobile, note);
    if (added == OptOuts.Added.ADDED || added == OptOuts.Added.ALREADY_LISTED) {
      redirect.addFlashAttribute("added", added.name());
      redirect.addFlashAttribute("addedMobile", MobileNumber.mainland(mobile));
      return "redirect:/optouts";
    }
    model.addAttribute("mobile", mobile);
    model.addAttribute("note", note);
    model.addAttribute("error", added.name());
    return NEW;
  }

  /** The confirmation step: what will be removed, and what that means. */
  @GetMapping("/optouts/{id}/remove")
  String confirmRemove(@PathVariable long id, Model model) {
    model.addAttribute("optOut", optOuts.find(id).orElseThrow(NotFoundException::new));
    return REMOVE;
  }

  @PostMapping("/optouts/{id}/remove")
  String remove(@PathVariable long id, RedirectAttributes redirect) {
    OptOutView optOut = optOuts.find(id).orElseThrow(NotFoundException::new);
    if (!optOuts.remove(id)) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("removed", optOut.mobile());
    return "redirect:/optouts";
  }
}
