package com.smsportal.templates.template;

import com.smsportal.message.MessageSegments;
import com.smsportal.message.Placeholders;
import com.smsportal.message.SegmentCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template's text rendered with sample values, each sample with its segment count: what the
 * preview shows while the template is typed. A placeholder without a typed sample shows its name.
 *
 * @param names the placeholder names in order (empty when the text has none, or a fault)
 * @param samples each sample's values by name, as typed or defaulted
 * @param rendered each sample's text with its segments
 * @param fault the placeholder fault of the text, or null
 */
public record TemplatePreview(
    List<String> names,
    List<Map<String, String>> samples,
    List<Rendered> rendered,
    Placeholders.Fault fault) {

  /** How many samples the preview offers. */
  public static final int SAMPLES = 2;

  /** The fault's message arguments: its position and the text it is about. */
  public Object[] faultArgs() {
    return fault == null ? new Object[0] : new Object[] {fault.position(), fault.detail()};
  }

  /** One sample's text and its segments. */
  public record Rendered(String text, SegmentCount count) {}

  /**
   * @param typed sample values as sent: key {@code s<i>.<name>}, i from 1
   */
  public static TemplatePreview of(String signature, String content, Map<String, String> typed) {
    // The fault's position counts in the content, as the form's message next to it does.
    Placeholders.Reading own = Placeholders.read(content);
    if (!own.ok()) {
      return new TemplatePreview(List.of(), List.of(), List.of(), own.fault());
    }
    String text = (signature == null ? "" : signature.strip()) + (content == null ? "" : content);
    Placeholders.Reading reading = Placeholders.read(text);
    if (!reading.ok()) {
      return new TemplatePreview(List.of(), List.of(), List.of(), reading.fault());
    }
    List<String> names = reading.parsed().orderedNames();
    List<Map<String, String>> samples = new ArrayList<>();
    List<Rendered> rendered = new ArrayList<>();
    for (int i = 1; i <= SAMPLES; i++) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String name : names) {
        String value = typed.get("s" + i + "." + name);
        values.put(name, value == null || value.isBlank() ? name : value);
      }
      samples.add(values);
      String out = reading.parsed().render(values);
      rendered.add(new Rendered(out, MessageSegments.count(out)));
      if (names.isEmpty()) {
        break; // one text: nothing to vary
      }
    }
    return new TemplatePreview(names, samples, rendered, null);
  }
}
