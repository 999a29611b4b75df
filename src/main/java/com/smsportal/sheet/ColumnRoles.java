package com.smsportal.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * What a mapping page's person chose for each column of a {@link SheetMapping.Preview}: a role per
 * column, from the form's fields {@code column0}, {@code column1}, ... (the page fragment {@code
 * fragments/sheet :: mapping} names them so). The roles are the page's own (the contact import's
 * {@code mobile}, {@code name}, {@code field}; a send's {@code mobile} and its placeholders); a
 * role not offered reads as {@link #SKIP}.
 */
public record ColumnRoles(List<String> roles) {

  /** A column left out. */
  public static final String SKIP = "skip";

  /**
   * A role a column may take, as the page offers it: its value and the message key of its label.
   */
  public record Option(String value, String labelKey) {}

  public ColumnRoles {
    roles = List.copyOf(roles);
  }

  /** The form's choices for a header of {@code columns} columns. */
  public static ColumnRoles read(
      Map<String, String[]> parameters, int columns, Set<String> offered) {
    List<String> roles = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      String[] values = parameters.get("column" + i);
      String role = values == null || values.length == 0 ? SKIP : values[0];
      roles.add(offered.contains(role) ? role : SKIP);
    }
    return new ColumnRoles(roles);
  }

  /** A first guess from the header's names (null from the guess: {@link #SKIP}). */
  public static ColumnRoles guess(List<String> header, Function<String, String> roleOfHeader) {
    return new ColumnRoles(
        header.stream()
            .map(name -> roleOfHeader.apply(name))
            .map(role -> role == null ? SKIP : role)
            .toList());
  }

  /** The columns (0-based) that have this role, left to right. */
  public List<Integer> columns(String role) {
    return IntStream.range(0, roles.size()).filter(i -> roles.get(i).equals(role)).boxed().toList();
  }

  /** The role of a column, {@link #SKIP} beyond the header. */
  public String role(int column) {
    return column >= 0 && column < roles.size() ? roles.get(column) : SKIP;
  }
}
