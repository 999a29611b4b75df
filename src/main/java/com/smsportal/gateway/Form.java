package com.smsportal.gateway;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** An ordered form body in one charset; knows which field is the secret, to mask it. */
final class Form {

  private static final Set<String> SECRET_FIELDS = Set.of("password", "newpwd", "renewpwd");

  private final Charset charset;
  private final List<Map.Entry<String, String>> fields = new ArrayList<>();

  private Form(Charset charset) {
    this.charset = charset;
  }

  static Form of(GatewayLogin account, Charset charset, String action) {
    return new Form(charset)
        .add("action", action)
        .add("userid", account.userid())
        .add("account", account.account())
        .add("password", account.password());
  }

  Form add(String name, String value) {
    fields.add(Map.entry(name, value == null ? "" : value));
    return this;
  }

  Charset charset() {
    return charset;
  }

  /** The body as sent: each value percent-encoded from this form's charset. */
  byte[] encoded() {
    return render(false).getBytes(StandardCharsets.US_ASCII);
  }

  /** The body as it may be logged: every secret replaced by {@code ****}. */
  String masked() {
    return render(true);
  }

  /**
   * The characters of non-secret fields that this charset cannot carry, each once, in order. A
   * secret field that cannot be encoded makes the whole answer non-empty without naming it.
   */
  List<String> unencodable() {
    CharsetEncoder encoder = charset.newEncoder();
    Set<String> found = new LinkedHashSet<>();
    for (Map.Entry<String, String> field : fields) {
      String value = field.getValue();
      boolean secret = SECRET_FIELDS.contains(field.getKey());
      for (int i = 0; i < value.length(); ) {
        int codePoint = value.codePointAt(i);
        String character = new String(Character.toChars(codePoint));
        if (!Character.isValidCodePoint(codePoint)
            || Character.isSurrogate(value.charAt(i)) && Character.charCount(codePoint) == 1
            || !encoder.canEncode(character)) {
          found.add(secret ? "(" + field.getKey() + ")" : character);
        }
        i += Character.charCount(codePoint);
      }
    }
    return List.copyOf(found);
  }

  private String render(boolean mask) {
    StringJoiner body = new StringJoiner("&");
    for (Map.Entry<String, String> field : fields) {
      String value =
          mask && SECRET_FIELDS.contains(field.getKey()) && !field.getValue().isEmpty()
              ? "****"
              : URLEncoder.encode(field.getValue(), charset);
      body.add(field.getKey() + "=" + value);
    }
    return body.toString();
  }
}
