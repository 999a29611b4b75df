package com.smsportal.contacts.book;

import com.smsportal.web.KeysetPage;
import com.smsportal.web.NotFoundException;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The address book's list (search by number or name, one group's members, newest first by keyset)
 * and one contact's page: add, change, delete after a confirmation.
 */
@Controller
class ContactController {

  static final String LIST = "contacts/list";
  static final String FORM = "contacts/form";
  static final String DELETE = "contacts/delete";
  static final int PAGE = 50;

  private final ContactQueries queries;
  private final ContactEdits edits;
  private final ContactGroupRepository groups;

  ContactController(ContactQueries queries, ContactEdits edits, ContactGroupRepository groups) {
    this.queries = queries;
    this.edits = edits;
    this.groups = groups;
  }

  /** Newest first, by keyset ({@code before} is the last id of the previous page). */
  @GetMapping("/contacts")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long group,
      @RequestParam(required = false) Long before,
      Model model) {
    ContactFilter filter = new ContactFilter(q, group);
    KeysetPage<ContactView> page = KeysetPage.read(PAGE, n -> queries.page(filter, before, n));
    model.addAttribute("contacts", page.rows());
    model.addAttribute("nextBefore", page.next(ContactView::id));
    model.addAttribute("q", filter.q());
    model.addAttribute("group", group);
    model.addAttribute("groups", groups.findAllByOrderByNameAsc());
    model.addAttribute("filtered", filter.q() != null || group != null || before != null);
    return LIST;
  }

  @GetMapping("/contacts/new")
  String newContact(Model model) {
    return form(model, null, new ContactForm("", "", "", Set.of()), Map.of(), null);
  }

  @PostMapping("/contacts")
  String create(
      @RequestParam(defaultValue = "") String mobile,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String fields,
      @RequestParam(name = "groupId", required = false) Set<Long> groupIds,
      Model model,
      RedirectAttributes redirect) {
    return save(null, new ContactForm(mobile, name, fields, groupIds), model, redirect);
  }

  @GetMapping("/contacts/{id}")
  String show(@PathVariable long id, Model model) {
    Contact contact = edits.find(id).orElseThrow(NotFoundException::new);
    return form(model, id, ContactForm.of(contact, queries.groupIdsOf(id)), Map.of(), null);
  }

  @PostMapping("/contacts/{id}")
  String update(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String mobile,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String fields,
      @RequestParam(name = "groupId", required = false) Set<Long> groupIds,
      Model model,
      RedirectAttributes redirect) {
    return save(id, new ContactForm(mobile, name, fields, groupIds), model, redirect);
  }

  /** The confirmation step: what will be deleted (the contact, never its groups). */
  @GetMapping("/contacts/{id}/delete")
  String confirmDelete(@PathVariable long id, Model model) {
    model.addAttribute("contact", edits.find(id).orElseThrow(NotFoundException::new));
    return DELETE;
  }

  @PostMapping("/contacts/{id}/delete")
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    String mobile = edits.find(id).orElseThrow(NotFoundException::new).getMobile();
    if (!edits.delete(id)) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("deleted", mobile);
    return "redirect:/contacts";
  }

  private String save(Long id, ContactForm form, Model model, RedirectAttributes redirect) {
    ContactEdits.Saved saved = edits.save(id, form).orElseThrow(NotFoundException::new);
    if (!saved.ok()) {
      return form(model, id, form, saved.errors(), saved.errorArgument());
    }
    redirect.addFlashAttribute("saved", Boolean.TRUE);
    return "redirect:/contacts/" + saved.id();
  }

  private String form(
      Model model, Long id, ContactForm form, Map<String, String> errors, Object errorArgument) {
    model.addAttribute("contactId", id);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("errorArgument", errorArgument);
    model.addAttribute("groups", groups.findAllByOrderByNameAsc());
    return FORM;
  }
}
