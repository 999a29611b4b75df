package com.smsportal.templates.template;

import com.smsportal.web.KeysetPage;
import com.smsportal.web.NotFoundException;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant's templates: list with search, new, show and edit, delete after a confirmation. */
@Controller
class TemplateController {

  static final String LIST = "templates/list";
  static final String FORM = "templates/form";
  static final String DELETE = "templates/delete";
  static final int PAGE = 30;

  private final TemplateBook book;

  TemplateController(TemplateBook book) {
    this.book = book;
  }

  /** Newest first, by keyset ({@code before} is the last id of the previous page). */
  @GetMapping("/templates")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long before,
      Model model) {
    KeysetPage<TemplateView> page = KeysetPage.read(PAGE, n -> book.page(q, before, n));
    model.addAttribute("templates", page.rows());
    model.addAttribute("nextBefore", page.next(TemplateView::id));
    model.addAttribute("q", q);
    model.addAttribute("firstPage", before == null);
    model.addAttribute("reviewRequired", book.reviewRequired());
    return LIST;
  }

  @GetMapping("/templates/new")
  String create(Model model) {
    return form(TemplateForm.empty(book.approvedSignatures()), null, Map.of(), model);
  }

  @PostMapping("/templates")
  String create(@ModelAttribute TemplateForm form, Model model, RedirectAttributes redirect) {
    TemplateBook.Saved saved = book.save(null, form).orElseThrow(NotFoundException::new);
    if (!saved.ok()) {
      return form(form, null, saved.faults(), model);
    }
    redirect.addFlashAttribute("saved", "template.saved.created");
    return "redirect:/templates/" + saved.template().id();
  }

  @GetMapping("/templates/{id}")
  String show(@PathVariable long id, Model model) {
    TemplateView template = book.find(id).orElseThrow(NotFoundException::new);
    TemplateForm form = new TemplateForm(template.name(), template.signature(), template.content());
    return form(form, template, Map.of(), model);
  }

  @PostMapping("/templates/{id}")
  String change(
      @PathVariable long id,
      @ModelAttribute TemplateForm form,
      Model model,
      RedirectAttributes redirect) {
    TemplateBook.Saved saved = book.save(id, form).orElseThrow(NotFoundException::new);
    if (!saved.ok()) {
      return form(form, book.find(id).orElseThrow(NotFoundException::new), saved.faults(), model);
    }
    redirect.addFlashAttribute("saved", "template.saved.changed");
    return "redirect:/templates/" + id;
  }

  /** The confirmation step: what will be deleted. */
  @GetMapping("/templates/{id}/delete")
  String confirmDelete(@PathVariable long id, Model model) {
    model.addAttribute("template", book.find(id).orElseThrow(NotFoundException::new));
    return DELETE;
  }

  @PostMapping("/templates/{id}/delete")
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    TemplateView template = book.find(id).orElseThrow(NotFoundException::new);
    if (!book.delete(id)) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("deleted", template.name());
    return "redirect:/templates";
  }

  private String form(
      TemplateForm form,
      TemplateView template,
      Map<String, TemplateForm.FieldError> faults,
      Model model) {
    model.addAttribute("form", form);
    model.addAttribute("template", template);
    model.addAttribute("faults", faults);
    model.addAttribute("signatures", book.approvedSignatures());
    model.addAttribute("reviewRequired", book.reviewRequired());
    model.addAttribute("preview", TemplatePreview.of(form.signature(), form.content(), Map.of()));
    return FORM;
  }
}
