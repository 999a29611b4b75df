package com.smsportal.contacts.groups;

import com.smsportal.contacts.book.ContactGroup;
import com.smsportal.contacts.book.ContactGroupRepository;
import com.smsportal.contacts.book.ContactQueries;
import com.smsportal.web.NotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant's groups: list with member counts, create, rename, delete after a confirmation. */
@Controller
class GroupController {

  static final String LIST = "contacts/groups";
  static final String GROUP = "contacts/group";
  static final String DELETE = "contacts/group-delete";

  private final ContactGroupRepository groups;
  private final ContactQueries queries;
  private final GroupEdits edits;

  GroupController(ContactGroupRepository groups, ContactQueries queries, GroupEdits edits) {
    this.groups = groups;
    this.queries = queries;
    this.edits = edits;
  }

  @GetMapping("/contacts/groups")
  String list(Model model) {
    model.addAttribute("groups", groups.findAllByOrderByNameAsc());
    model.addAttribute("counts", queries.memberCounts());
    if (!model.containsAttribute("name")) {
      model.addAttribute("name", "");
    }
    return LIST;
  }

  @PostMapping("/contacts/groups")
  String create(
      @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
    GroupEdits.Named created = edits.create(name);
    if (created.error() != null) {
      model.addAttribute("name", name);
      model.addAttribute("nameError", created.error());
      return list(model);
    }
    redirect.addFlashAttribute("created", created.group().getName());
    return "redirect:/contacts/groups";
  }

  @GetMapping("/contacts/groups/{id}")
  String show(@PathVariable long id, Model model) {
    ContactGroup group = groups.findById(id).orElseThrow(NotFoundException::new);
    model.addAttribute("group", group);
    model.addAttribute("members", queries.memberCounts().getOrDefault(id, 0L));
    if (!model.containsAttribute("name")) {
      model.addAttribute("name", group.getName());
    }
    return GROUP;
  }

  @PostMapping("/contacts/groups/{id}")
  String rename(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String name,
      Model model,
      RedirectAttributes redirect) {
    GroupEdits.Named renamed = edits.rename(id, name).orElseThrow(NotFoundException::new);
    if (renamed.error() != null) {
      model.addAttribute("name", name);
      model.addAttribute("nameError", renamed.error());
      return show(id, model);
    }
    redirect.addFlashAttribute("renamed", Boolean.TRUE);
    return "redirect:/contacts/groups/" + id;
  }

  @GetMapping("/contacts/groups/{id}/delete")
  String confirmDelete(@PathVariable long id, Model model) {
    ContactGroup group = groups.findById(id).orElseThrow(NotFoundException::new);
    model.addAttribute("group", group);
    model.addAttribute("members", queries.memberCounts().getOrDefault(id, 0L));
    return DELETE;
  }

  @PostMapping("/contacts/groups/{id}/delete")
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    Optional<ContactGroup> group = groups.findById(id);
    String name = group.map(ContactGroup::getName).orElseThrow(NotFoundException::new);
    if (!edits.delete(id)) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("deleted", name);
    return "redirect:/contacts/groups";
  }
}
