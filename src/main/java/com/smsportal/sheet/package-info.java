/**
 * Spreadsheets a customer uploads (issue 24): CSV and Excel workbooks (XLSX) read as a stream
 * within the limits of the send upload (size, unpacked parts, markup, cell lengths: {@link
 * com.smsportal.sheet.SheetLimits}), as entries (a file of numbers) or as rows under a header row
 * ({@link com.smsportal.sheet.SheetRows}, {@link com.smsportal.sheet.SheetMapping}); and the upload
 * kept in the database between the upload and its mapping page ({@link
 * com.smsportal.sheet.StagedSheets}). A leaf: it knows nothing of sends or contacts.
 */
package com.smsportal.sheet;
