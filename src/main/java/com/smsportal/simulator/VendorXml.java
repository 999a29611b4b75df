package com.smsportal.simulator;

/**
 * Writes answers the way the vendor does: a declaration with a space before {@code ?>}, one element
 * per line, and the malformed {@code < checkCounts >} of the password change kept as is.
 */
final class VendorXml {

  private final StringBuilder xml = new StringBuilder("<returnsms>\n");

  static VendorXml answer() {
    return new VendorXml();
  }

  VendorXml element(String name, Object value) {
    return element(" ", name, value);
  }

  VendorXml open(String name) {
    xml.append(" <").append(name).append(">\n");
    return this;
  }

  VendorXml close(String name) {
    xml.append(" </").append(name).append(">\n");
    return this;
  }

  VendorXml inner(String name, Object value) {
    return element("  ", name, value);
  }

  /** The reserved element exactly as the vendor's sample writes it: spaces inside the tags. */
  VendorXml reservedCheckCounts() {
    xml.append(" < checkCounts ></ checkCounts >\n");
    return this;
  }

  String build() {
    return xml.append("</returnsms>\n").toString();
  }

  /** The empty answer of a report or reply query with nothing new. */
  static String empty() {
    return "<returnsms/>\n";
  }

  static String errorStatus(int code, String remark) {
    return answer()
        .open("errorstatus")
        .inner("error", code)
        .inner("remark", remark)
        .close("errorstatus")
        .build();
  }

  static String withDeclaration(String body, String encoding) {
    return "<?xml version=\"1.0\" encoding=\"" + encoding + "\" ?>\n" + body;
  }

  private VendorXml element(String indent, String name, Object value) {
    xml.append(indent)
        .append('<')
        .append(name)
        .append('>')
        .append(escape(value == null ? "" : value.toString()))
        .append("</")
        .append(name)
        .append(">\n");
    return this;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
