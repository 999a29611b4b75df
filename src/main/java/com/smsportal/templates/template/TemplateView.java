package com.smsportal.templates.template;

import com.smsportal.templates.ReviewState;
import java.time.Instant;

/** A template as its pages show it; {@code text} is signature + content. */
public record TemplateView(
    long id,
    String name,
    String signature,
    String content,
    String text,
    ReviewState state,
    String reason,
    Instant updatedAt,
    String updatedBy) {}
