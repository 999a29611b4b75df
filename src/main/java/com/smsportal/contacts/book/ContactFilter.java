package com.smsportal.contacts.book;

import com.smsportal.mobile.MobileNumber;
import com.smsportal.web.LikePatterns;

/**
 * The list's search: {@code q} is part of a number (when it holds only what a number is typed with:
 * digits, spaces, +, -, read by {@link MobileNumber#fragment}) or else part of a name; {@code
 * group} one group's members.
 */
public record ContactFilter(String q, Long group) {

  public static final ContactFilter ALL = new ContactFilter(null, null);

  public ContactFilter {
    q = q == null || q.isBlank() ? null : q.strip();
  }

  /** The LIKE pattern on the mobile, or null. */
  String mobileLike() {
    if (q == null || !MobileNumber.halfWidth(q).matches("[\\d\\s+\\-()]+")) {
      return null;
    }
    String fragment = MobileNumber.fragment(q);
    return fragment.isEmpty() ? null : LikePatterns.contains(fragment);
  }

  /** The LIKE pattern on the name, or null. */
  String nameLike() {
    return q == null || mobileLike() != null ? null : LikePatterns.contains(q);
  }
}
