package com.smsportal.templates;

import com.smsportal.message.Placeholders;
import com.smsportal.templates.template.MessageTemplate;
import com.smsportal.templates.template.MessageTemplateRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's templates as compose uses them (issue 24): only an approved one may be sent;
 * its text is its signature followed by its content.
 */
@Service
public class Templates {

  private final MessageTemplateRepository templates;

  Templates(MessageTemplateRepository templates) {
    this.templates = templates;
  }

  /** The current tenant's template with this id: approved, not approved yet, or not found. */
  @Transactional(readOnly = true)
  public TemplateLookup approved(long templateId) {
    Optional<MessageTemplate> found = templates.findById(templateId);
    if (found.isEmpty()) {
      return TemplateLookup.notFound();
    }
    return found.get().getState() == ReviewState.APPROVED
        ? TemplateLookup.approved(text(found.get()))
        : TemplateLookup.notApproved();
  }

  /** The current tenant's approved templates, by name: what compose offers to start from. */
  @Transactional(readOnly = true)
  public List<TemplateText> approvedForCompose() {
    return templates.findByStateOrderByNameAsc(ReviewState.APPROVED).stream()
        .map(Templates::text)
        .toList();
  }

  private static TemplateText text(MessageTemplate template) {
    String text = template.fullText();
    Placeholders.Reading reading = Placeholders.read(text);
    List<String> names = reading.ok() ? reading.parsed().orderedNames() : List.of();
    return new TemplateText(template.getId(), template.getName(), text, names);
  }
}
