/**
 * The tenant's address book (通讯录, issue 24): contacts (a mainland mobile number, a name, free
 * fields) and groups, their pages, import from a spreadsheet through the shared mapping page
 * (module {@code sheet}) and export. Its API for the send: {@link
 * com.smsportal.contacts.ContactGroups} (a group's members, streamed). It learns which numbers
 * opted out through {@link com.smsportal.contacts.OptedOutNumbers}, which the sending module
 * implements: contacts never depends on sending.
 */
package com.smsportal.contacts;
