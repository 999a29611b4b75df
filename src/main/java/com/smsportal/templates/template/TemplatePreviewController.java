package com.smsportal.templates.template;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /templates/preview}: the template form's live preview (htmx, while typing), a GET so
 * that it also works for staff viewing the tenant (read-only) and changes nothing.
 */
@Controller
class TemplatePreviewController {

  @GetMapping("/templates/preview")
  String preview(
      @RequestParam(required = false) String signature,
      @RequestParam(required = false) String content,
      @RequestParam Map<String, String> params,
      Model model) {
    model.addAttribute("preview", TemplatePreview.of(signature, content, params));
    return "partials/templates/preview :: preview";
  }
}
