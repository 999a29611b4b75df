package com.smsportal.gateway;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the bytes of an answer into a small element tree, or refuses them as {@link Garbage}. It
 * honours the charset the answer declares (gb2312 read as GB18030, its superset), tolerates the
 * vendor's {@code < checkCounts >}, and refuses any DTD, so no entity is ever resolved (XXE).
 */
final class AnswerParser {

  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Pattern CHARSET_PARAM =
      Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern DECLARATION = Pattern.compile("^\\s*<\\?xml.*?\\?>", Pattern.DOTALL);
  // "< checkCounts >" and "</ checkCounts >": spaces inside a plain tag, which XML forbids.
  private static final Pattern SPACED_TAG =
      Pattern.compile(
          "<\\s+(/?)\\s*([A-Za-z_][\\w.-]*)\\s*(/?)\\s*>|<(/)\\s+([A-Za-z_][\\w.-]*)\\s*>");
  private static final Pattern DOCTYPE = Pattern.compile("<!\\s*DOCTYPE", Pattern.CASE_INSENSITIVE);

  private static final XMLInputFactory FACTORY = secureFactory();

  private AnswerParser() {}

  /** One element: its name, its trimmed own text, its child elements in order. */
  record Node(String name, String text, List<Node> children) {

    /** The first child of that name (names compared ignoring case), or null. */
    Node child(String childName) {
      for (Node child : children) {
        if (child.name.equalsIgnoreCase(childName)) {
          return child;
        }
      }
      return null;
    }

    /** The text of the first child of that name, or null if there is no such child. */
    String text(String childName) {
      Node child = child(childName);
      return child == null ? null : child.text;
    }

    List<Node> all(String childName) {
      return children.stream().filter(c -> c.name.equalsIgnoreCase(childName)).toList();
    }
  }

  /** The decoded text of an answer: what is kept as its raw form. */
  static String decode(byte[] body, String contentType, Charset fallback) {
    // Malformed bytes become U+FFFD instead of failing: the raw answer is kept either way.
    return new String(body, charsetOf(body, contentType, fallback));
  }

  /**
   * The elements named {@code item} that arrived whole in the decoded beginning of an answer, in
   * order, inside a {@code returnsms} of their own. The vendor's spaced tags are closed up first,
   * as {@link #parse} does; an element whose closing tag has not arrived is left out, and with it
   * everything after it.
   */
  static CompleteItems completeItems(String text, String item) {
    String xml = SPACED_TAG.matcher(text).replaceAll(AnswerParser::closeUp);
    Matcher element =
        Pattern.compile(
                "<" + item + "(?:\\s[^>]*[^/>])?>.*?</" + item + "\\s*>",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
            .matcher(xml);
    StringBuilder answer = new StringBuilder("<returnsms>\n");
    int items = 0;
    while (element.find()) {
      answer.append(' ').append(element.group()).append('\n');
      items++;
    }
    return new CompleteItems(answer.append("</returnsms>\n").toString(), items);
  }

  /** The root {@code returnsms} element of the decoded answer, or Garbage. */
  static Node parse(String text) throws Garbage {
    return prepareAndRead(text, new ItemRows(null)).root();
  }

  /**
   * The root's elements named {@code item} as rows of the texts of their {@code fields} (see {@link
   * ItemRows}), read in one streaming pass, and the root with its other children; or Garbage, as
   * {@link #parse} says.
   */
  static Items items(String text, String item, String... fields) throws Garbage {
    return prepareAndRead(text, new ItemRows(item, fields));
  }

  /** The root without the items, and the items' rows. */
  record Items(Node root, List<String[]> rows) {}

  private static Items prepareAndRead(String text, ItemRows items) throws Garbage {
    String xml = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (xml.isBlank()) {
      throw new Garbage("empty body");
    }
    // Each pattern only where it can match (issue 27: no pass over 4,000 reports for nothing).
    if (xml.contains("<!") && DOCTYPE.matcher(xml).find()) {
      throw new Garbage("a DTD, refused");
    }
    xml = withoutDeclaration(xml);
    if (mayHaveSpacedTag(xml)) {
      xml = SPACED_TAG.matcher(xml).replaceAll(AnswerParser::closeUp);
    }
    xml = xml.strip();
    Node root;
    try {
      root = read(xml, items);
    } catch (XMLStreamException | RuntimeException e) {
      throw new Garbage("not well-formed XML: " + firstLine(e.getMessage()));
    }
    if (!root.name().equalsIgnoreCase("returnsms")) {
      throw new Garbage("root element <" + root.name() + "> instead of <returnsms>");
    }
    return new Items(root, items.rows());
  }

  /** The text without a leading {@code <?xml … ?>}, as {@link #DECLARATION} would remove it. */
  private static String withoutDeclaration(String xml) {
    int start = 0;
    while (start < xml.length() && isSpace(xml.charAt(start))) {
      start++;
    }
    return xml.startsWith("<?xml", start) ? DECLARATION.matcher(xml).replaceFirst("") : xml;
  }

  /** Whether a {@code <} or {@code </} is followed by white space: where SPACED_TAG can match. */
  private static boolean mayHaveSpacedTag(String xml) {
    for (int at = xml.indexOf('<'); at >= 0; at = xml.indexOf('<', at + 1)) {
      int next = at + 1;
      if (next < xml.length() && xml.charAt(next) == '/') {
        next++;
      }
      if (next < xml.length() && isSpace(xml.charAt(next))) {
        return true;
      }
    }
    return false;
  }

  /** White space as {@code \s} of a regular expression reads it. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
  }

  private static String closeUp(java.util.regex.MatchResult m) {
    if (m.group(2) != null) {
      return Matcher.quoteReplacement("<" + m.group(1) + m.group(2) + m.group(3) + ">");
    }
    return Matcher.quoteReplacement("</" + m.group(5) + ">");
  }

  private static Node read(String xml, ItemRows items) throws XMLStreamException {
    XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
    try {
      Deque<Building> open = new ArrayDeque<>();
      Node root = null;
      while (reader.hasNext()) {
        int event = reader.next();
        switch (event) {
          case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
              throw new XMLStreamException("DTDs and entities are refused");
          case XMLStreamConstants.START_ELEMENT -> {
            if (root != null) {
              throw new XMLStreamException("content after the root element");
            }
            String name = reader.getLocalName();
            if (items.inside() || open.size() == 1 && items.isItem(name)) {
              items.start(name);
            } else {
              open.push(new Building(name));
            }
          }
          case XMLStreamConstants.CHARACTERS,
              XMLStreamConstants.CDATA,
              XMLStreamConstants.SPACE -> {
            if (items.inside()) {
              items.text(reader);
            } else if (!open.isEmpty()) {
              open.peek().text.append(reader.getText());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> {
            if (items.inside()) {
              items.end();
            } else {
              Node done = open.pop().build();
              if (open.isEmpty()) {
                root = done;
              } else {
                open.peek().children.add(done);
              }
            }
          }
          default -> {}
        }
      }
      if (root == null) {
        throw new XMLStreamException("no root element");
      }
      return root;
    } finally {
      reader.close();
    }
  }

  private static final class Building {
    final String name;
    final StringBuilder text = new StringBuilder();
    final List<Node> children = new ArrayList<>();

    Building(String name) {
      this.name = name;
    }

    Node build() {
      return new Node(name, text.toString().strip(), List.copyOf(children));
    }
  }

  private static Charset charsetOf(byte[] body, String contentType, Charset fallback) {
    if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB) {
      return StandardCharsets.UTF_8;
    }
    String head = new String(body, 0, Math.min(body.length, 256), StandardCharsets.ISO_8859_1);
    Matcher declared = DECLARED_ENCODING.matcher(head);
    if (declared.find()) {
      Charset charset = named(declared.group(1));
      if (charset != null) {
        return charset;
      }
    }
    if (contentType != null) {
      Matcher param = CHARSET_PARAM.matcher(contentType);
      if (param.find()) {
        Charset charset = named(param.group(1));
        if (charset != null) {
          return charset;
        }
      }
    }
    return named(fallback.name());
  }

  private static Charset named(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("gb2312") || lower.equals("gbk") || lower.equals("gb18030")) {
      return Charset.forName("GB18030");
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /** An answer that is not a gateway answer. */
  static final class Garbage extends Exception {
    Garbage(String reason) {
      super(reason, null, false, false);
    }
  }
}
