package com.smsportal.sheet;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.SAXException;

/**
 * A sheet's cells gathered into rows for a {@link RowSink}: a row's cells by column, a gap as an
 * empty cell, a row without any text left out; a cell beyond {@link SheetLimits#MAX_COLUMNS}
 * refused with its name.
 */
final class RowCells implements SheetCells.Sink {

  private final RowSink rows;
  private final List<String> cells = new ArrayList<>();

  RowCells(RowSink rows) {
    this.rows = rows;
  }

  @Override
  public void cell(int row, int column, String reference, String text) throws SAXException {
    if (column > SheetLimits.MAX_COLUMNS) {
      if (text.isBlank()) {
        return;
      }
      throw new SAXException(
          new SheetRefused(
              "sheet.error.tooManyColumns", "a cell beyond the last column", reference));
    }
    while (cells.size() < column) {
      cells.add("");
    }
    cells.set(column - 1, text.strip());
  }

  @Override
  public void rowEnd(int row) throws SAXException {
    if (cells.stream().anyMatch(c -> !c.isEmpty())) {
      try {
        rows.row(row, List.copyOf(cells));
      } catch (RowSink.Stop stop) {
        throw new SheetCells.Full();
      } catch (SheetRefused refused) {
        throw new SAXException(refused);
      }
    }
    cells.clear();
  }
}
