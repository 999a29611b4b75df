package com.smsportal.templates.template;

import com.smsportal.templates.ReviewState;
import com.smsportal.templates.Reviewed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A tenant's message template: a name, the signature it starts with (null when the tenant had none
 * approved) and a content with {@code ${placeholders}}. The text sent is signature + content.
 */
@Entity
@Table(name = "message_template")
public class MessageTemplate extends Reviewed {

  public static final int MAX_NAME = 60;
  public static final int MAX_CONTENT = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = MAX_NAME)
  private String name;

  @Column(length = 20)
  private String signature;

  @Column(nullable = false, length = MAX_CONTENT)
  private String content;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 100)
  private String updatedBy;

  protected MessageTemplate() {}

  MessageTemplate(TemplateForm.Checked form, ReviewState state, Instant at, String by) {
    this.createdAt = at;
    this.createdBy = by;
    change(form, state, at, by);
  }

  /**
   * Takes the form's values; the state is what the tenant's review switch says (see TemplateBook).
   */
  void change(TemplateForm.Checked form, ReviewState state, Instant at, String by) {
    this.name = form.name();
    this.signature = form.signature();
    this.content = form.content();
    submitted(state);
    this.updatedAt = at;
    this.updatedBy = by;
  }

  /** The text sent: the signature, if any, then the content. */
  public String fullText() {
    return (signature == null ? "" : signature) + content;
  }

  public TemplateView toView() {
    return new TemplateView(
        id, name, signature, content, fullText(), getState(), getReason(), updatedAt, updatedBy);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getSignature() {
    return signature;
  }

  public String getContent() {
    return content;
  }
}
