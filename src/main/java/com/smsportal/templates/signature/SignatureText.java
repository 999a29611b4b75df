package com.smsportal.templates.signature;

/**
 * The rules of a signature's text: {@code 【X】} with X of 2 to 12 characters. The customer may type
 * X alone ({@code Acme商城}): the brackets are added. X may not hold brackets, placeholders' {@code $
 * { }}, or control characters (a new line would break the message).
 */
public final class SignatureText {

  public static final int MIN = 2;
  public static final int MAX = 12;

  /**
   * The text read: the signature as stored ({@code 【X】}), or the message key of what is wrong with
   * it.
   */
  public record Read(String signature, String errorKey) {
    public boolean ok() {
      return errorKey == null;
    }
  }

  private SignatureText() {}

  public static Read read(String typed) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      return new Read(null, "signature.error.empty");
    }
    String inner = text;
    if (text.startsWith("【") && text.endsWith("】") && text.length() >= 2) {
      inner = text.substring(1, text.length() - 1).strip();
    }
    int length = inner.codePointCount(0, inner.length());
    if (length < MIN || length > MAX) {
      return new Read(null, "signature.error.length");
    }
    boolean bad =
        inner
            .codePoints()
            .anyMatch(
                c ->
                    c == '【'
                        || c == '】'
                        || c == '$'
                        || c == '{'
                        || c == '}'
                        || Character.isISOControl(c));
    if (bad) {
      return new Read(null, "signature.error.chars");
    }
    return new Read("【" + inner + "】", null);
  }
}
