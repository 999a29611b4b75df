package com.smsportal.gateway;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;

/**
 * The root's elements of one name (the 4,000 {@code statusbox} of an answer) read straight into
 * rows of their fields' texts while {@link AnswerParser} streams the answer, instead of into its
 * element tree (issue 27: the tree cost a third of ingest's CPU). A row holds, for each field, the
 * trimmed own text of the item's first child of that name (names compared ignoring case), or null
 * when there is none: what {@link AnswerParser.Node#text} says of the same item.
 */
final class ItemRows {

  private final String item;
  private final String[] fields;
  private final List<String[]> rows = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  /** 0 outside an item, 1 in the item itself, 2 in one of its children, more further down. */
  private int depth;

  private String[] row;
  private int field = -1;

  /** Reads items named {@code item} (null: none, everything goes into the tree). */
  ItemRows(String item, String... fields) {
    this.item = item;
    this.fields = fields;
  }

  List<String[]> rows() {
    return rows;
  }

  /** Whether an element that starts as a child of the root is one of the items. */
  boolean isItem(String name) {
    return item != null && name.equalsIgnoreCase(item);
  }

  boolean inside() {
    return depth > 0;
  }

  void start(String name) {
    depth++;
    if (depth == 1) {
      row = new String[fields.length];
    } else if (depth == 2) {
      field = firstUnseen(name);
      text.setLength(0);
    }
  }

  void text(XMLStreamReader reader) {
    if (depth == 2 && field >= 0) {
      text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
    }
  }

  void end() {
    if (depth == 2 && field >= 0) {
      row[field] = text.toString().strip();
      field = -1;
    } else if (depth == 1) {
      rows.add(row);
      row = null;
    }
    depth--;
  }

  private int firstUnseen(String name) {
    for (int i = 0; i < fields.length; i++) {
      if (row[i] == null && fields[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
