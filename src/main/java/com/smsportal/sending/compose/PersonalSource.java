package com.smsportal.sending.compose;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Where a personalised send's recipients come from, whatever holds them (issue 24): today an
 * uploaded spreadsheet ({@link SheetSource}); a tenant's contact groups are another source of the
 * same shape. The text with its placeholders comes separately (the compose form's content, or a
 * template), so that any text goes with any source; {@link Personalisation} renders them together.
 */
public interface PersonalSource {

  /** The names a row may give values for: a placeholder that is none of them is refused. */
  Set<String> columns();

  /** Gives each row in order, without holding them all. */
  void rows(Consumer<RecipientRow> each);
}
