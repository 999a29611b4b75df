package com.smsportal.sending.compose;

import java.util.List;

/**
 * The compose form as typed; field names are the public contract of POST /send (DESIGN.md).
 *
 * @param missing a personalised send's rows with a missing value: {@code refuse} (the default) or
 *     {@code skip} (issue 24)
 * @param templateId an approved template whose text is the content (issue 24), or null
 * @param groupId contact groups whose members receive the send (issue 24, repeatable), or null
 */
record ComposeForm(
    Long accountId,
    String mobiles,
    String content,
    String sendTime,
    String extno,
    String idempotencyKey,
    String missing,
    Long templateId,
    List<Long> groupId) {

  ComposeForm(
      Long accountId,
      String mobiles,
      String content,
      String sendTime,
      String extno,
      String idempotencyKey) {
    this(accountId, mobiles, content, sendTime, extno, idempotencyKey, null, null, null);
  }

  /** The chosen groups, none when none was chosen. */
  public List<Long> groups() {
    return groupId == null ? List.of() : groupId.stream().filter(id -> id != null).toList();
  }

  /** Whether this group is among the chosen ones (the page's checkboxes). */
  public boolean hasGroup(long id) {
    return groups().contains(id);
  }

  ComposeForm withContent(String text) {
    return new ComposeForm(
        accountId, mobiles, text, sendTime, extno, idempotencyKey, missing, templateId, groupId);
  }

  ComposeForm withMobiles(String numbers) {
    return new ComposeForm(
        accountId, numbers, content, sendTime, extno, idempotencyKey, missing, templateId, groupId);
  }

  ComposeForm withKey(String key) {
    return new ComposeForm(
        accountId, mobiles, content, sendTime, extno, key, missing, templateId, groupId);
  }
}
