package com.smsportal.contacts.book;

import java.util.List;
import java.util.Map;

/** A contact as the list, its page and the export show it. */
public record ContactView(
    long id,
    String mobile,
    String name,
    Map<String, String> fields,
    List<String> groups,
    boolean optedOut) {

  ContactView withGroupsAndOptOut(List<String> groups, boolean optedOut) {
    return new ContactView(id, mobile, name, fields, List.copyOf(groups), optedOut);
  }
}
