/** A UTF-8 byte-order mark: Excel reads the file as UTF-8 (accents intact) only with it. */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell that a
 * spreadsheet would run as a formula (`=`, `@`, tab, carriage return first) gets a leading `'`.
 */
export function csvCell(value: string): string {
  const safe = /^[=@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Lines of cells → CSV text with CRLF line ends, as spreadsheets write it. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
