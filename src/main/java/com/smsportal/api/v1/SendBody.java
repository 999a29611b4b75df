package com.smsportal.api.v1;

import com.smsportal.sending.RequestedSends;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code POST /api/v1/messages}: {@code mobiles} with {@code content}, or {@code
 * templateId} with {@code recipients}.
 */
@Schema(description = "A send: mobiles with content, or templateId with recipients")
record SendBody(
    @Schema(description = "Gateway account id; omitted: the tenant's only account") Long accountId,
    @Schema(description = "Mainland mobile numbers") List<String> mobiles,
    @Schema(description = "The text, starting with an approved signature such as 【Acme】")
        String content,
    @Schema(description = "An approved template; its text is the content") Long templateId,
    @Schema(description = "A template send's recipients and their placeholders' values")
        List<Recipient> recipients,
    @Schema(description = "When to send (yyyy-MM-dd HH:mm, China time); omitted: now")
        String sendTime,
    @Schema(description = "Extension sub-number, digits") String extno) {

  record Recipient(String mobile, Map<String, String> values) {}

  RequestedSends.SendRequest request(String idempotencyKey) {
    return new RequestedSends.SendRequest(
        accountId,
        mobiles,
        content,
        templateId,
        recipients == null
            ? null
            : recipients.stream()
                .map(r -> r == null ? null : new RequestedSends.Recipient(r.mobile(), r.values()))
                .toList(),
        sendTime,
        extno,
        idempotencyKey);
  }

  /**
   * The SHA-256 of the body in one canonical form (fields in a fixed order, values' keys sorted),
   * so that the same send written with other spacing or key order is the same body.
   */
  String canonicalHash() {
    StringBuilder out = new StringBuilder();
    field(out, "accountId", accountId);
    field(out, "mobiles", mobiles);
    field(out, "content", content);
    field(out, "templateId", templateId);
    if (recipients != null) {
      out.append("recipients[");
      for (Recipient r : recipients) {
        if (r == null) {
          out.append("null;");
          continue;
        }
        field(out, "mobile", r.mobile());
        field(out, "values", r.values() == null ? null : new TreeMap<>(r.values()));
        out.append(';');
      }
      out.append(']');
    }
    field(out, "sendTime", sendTime);
    field(out, "extno", extno);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(out.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static void field(StringBuilder out, String name, Object value) {
    String text = String.valueOf(value);
    out.append(name).append('=').append(text.length()).append(':').append(text).append('\u001F');
  }
}
