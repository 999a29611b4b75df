package com.smsportal.sending.compose;

import com.smsportal.contacts.ContactGroups;
import com.smsportal.contacts.ContactRow;
import com.smsportal.contacts.GroupSummary;
import com.smsportal.templates.TemplateLookup;
import com.smsportal.templates.TemplateText;
import com.smsportal.templates.Templates;
import com.smsportal.tenant.TenantContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.ui.Model;

/**
 * Where a compose form's text and recipients may come from besides what is typed (issue 24): an
 * approved template ({@code templateId}: its text is the content, whatever the content field holds)
 * and the tenant's contact groups ({@code groupId}, repeatable). A text without placeholders goes
 * to the groups' numbers as to pasted ones; a text with placeholders is filled from each member's
 * name and fields ({@link #groupSource}).
 */
@Service
class ComposeSources {

  private final Templates templates;
  private final ContactGroups groups;

  ComposeSources(Templates templates, ContactGroups groups) {
    this.templates = templates;
    this.groups = groups;
  }

  /**
   * The approved templates and the groups the compose page offers ({@code templates}, {@code
   * groups}): the tenant's own; none for staff outside a tenant's view.
   */
  void offer(Model model) {
    boolean tenant = TenantContext.current() != TenantContext.ALL_TENANTS;
    List<TemplateText> approved = tenant ? templates.approvedForCompose() : List.of();
    List<GroupSummary> offered = tenant ? groups.groupsForCompose() : List.of();
    model.addAttribute("templates", approved);
    model.addAttribute("groups", offered);
  }

  /** The names of the tenant's groups among these ids, as the confirmation names them. */
  List<String> groupNames(List<Long> groupIds) {
    return groups.groups(groupIds).stream().map(GroupSummary::name).toList();
  }

  /**
   * The form as the review reads it: the chosen template's text as its content (a template not
   * found or not yet approved is refused next to the template's field, the content left as typed),
   * and for a text without placeholders the groups' numbers after the pasted ones.
   */
  ComposeForm resolve(ComposeForm form, FormErrors errors) {
    ComposeForm resolved = form;
    if (form.templateId() != null) {
      TemplateLookup lookup = templates.approved(form.templateId());
      switch (lookup.outcome()) {
        case APPROVED -> resolved = resolved.withContent(lookup.template().orElseThrow().text());
        case NOT_APPROVED -> errors.add("templateId", "send.error.templateNotApproved", null);
        case NOT_FOUND -> errors.add("templateId", "send.error.templateNotFound", null);
      }
    }
    if (!form.groups().isEmpty()) {
      if (groups.groups(form.groups()).size() != form.groups().size()) {
        errors.add("groupId", "send.error.groupNotFound", null);
      } else if (!PersonalReview.personalised(resolved.content())) {
        StringBuilder numbers =
            new StringBuilder(resolved.mobiles() == null ? "" : resolved.mobiles());
        groups.forEachMember(form.groups(), c -> numbers.append('\n').append(c.mobile()));
        resolved = resolved.withMobiles(numbers.toString());
      }
    }
    return resolved;
  }

  /**
   * The members of these groups as the rows of a personalised send: each fills {@code ${name}},
   * {@code ${mobile}} and its own fields. The columns are every field any member has, read once
   * before the rows.
   */
  PersonalSource groupSource(List<Long> groupIds) {
    Set<String> columns = new LinkedHashSet<>(List.of("name", "mobile"));
    groups.forEachMember(groupIds, c -> columns.addAll(c.fields().keySet()));
    return new PersonalSource() {
      @Override
      public Set<String> columns() {
        return columns;
      }

      @Override
      public void rows(Consumer<RecipientRow> each) {
        int[] line = {0};
        groups.forEachMember(
            groupIds, c -> each.accept(new RecipientRow(++line[0], c.mobile(), values(c))));
      }
    };
  }

  private static Map<String, String> values(ContactRow contact) {
    return contact.values().entrySet().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
  }
}
