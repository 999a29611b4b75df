package com.smsportal.contacts.importing;

import java.io.Serializable;
import java.util.List;

/**
 * What an import did: contacts created and updated, and the rows left out with their line and
 * reason (the first {@link #SHOWN} of them; {@code invalid} counts all).
 */
public record ImportResult(
    String filename,
    int created,
    int updated,
    int invalid,
    List<Invalid> shown,
    List<String> groups)
    implements Serializable {

  public static final int SHOWN = 200;

  /** A row left out: its line in the file, its mobile cell, why (a message key and argument). */
  public record Invalid(int line, String mobile, String reasonKey, String argument)
      implements Serializable {}
}
