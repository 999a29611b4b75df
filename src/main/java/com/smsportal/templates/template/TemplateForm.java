package com.smsportal.templates.template;

import com.smsportal.message.Placeholders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template form as sent ({@code name}, {@code signature}, {@code content}), and its check: each
 * fault by the field it is shown next to.
 */
public record TemplateForm(String name, String signature, String content) {

  /** A fault of a field: its message key and the message's arguments. */
  public record FieldError(String key, Object[] args) {}

  /** The form's values once they passed the check; {@code signature} null when none applies. */
  public record Checked(String name, String signature, String content) {}

  public static TemplateForm empty(List<String> approvedSignatures) {
    return new TemplateForm("", approvedSignatures.isEmpty() ? "" : approvedSignatures.get(0), "");
  }

  String nameValue() {
    return name == null ? "" : name.strip();
  }

  String contentValue() {
    return content == null ? "" : content.strip();
  }

  /**
   * The faults of the form, by field, in order; empty when it may be saved.
   *
   * @param approvedSignatures the tenant's approved signatures: when it has any, the template must
   *     start with one of them (as every send of the tenant must); when none, no signature
   */
  Map<String, FieldError> faults(List<String> approvedSignatures) {
    Map<String, FieldError> faults = new LinkedHashMap<>();
    String n = nameValue();
    if (n.isEmpty()) {
      faults.put("name", new FieldError("template.error.nameEmpty", new Object[0]));
    } else if (n.length() > MessageTemplate.MAX_NAME) {
      faults.put(
          "name",
          new FieldError("template.error.nameTooLong", new Object[] {MessageTemplate.MAX_NAME}));
    }
    if (!approvedSignatures.isEmpty() && !approvedSignatures.contains(signatureValue())) {
      faults.put(
          "signature",
          new FieldError(
              "template.error.signature", new Object[] {String.join("、", approvedSignatures)}));
    }
    String c = contentValue();
    if (c.isEmpty()) {
      faults.put("content", new FieldError("template.error.contentEmpty", new Object[0]));
    } else if (c.length() > MessageTemplate.MAX_CONTENT) {
      faults.put(
          "content",
          new FieldError(
              "template.error.contentTooLong", new Object[] {MessageTemplate.MAX_CONTENT}));
    } else {
      Placeholders.Reading reading = Placeholders.read(c);
      if (!reading.ok()) {
        Placeholders.Fault fault = reading.fault();
        faults.put(
            "content",
            new FieldError(fault.key(), new Object[] {fault.position(), fault.detail()}));
      }
    }
    return faults;
  }

  String signatureValue() {
    return signature == null ? "" : signature.strip();
  }

  Checked checked(List<String> approvedSignatures) {
    return new Checked(
        nameValue(), approvedSignatures.isEmpty() ? null : signatureValue(), contentValue());
  }
}
