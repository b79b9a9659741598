/** One parsed CSV record with the 1-based line of the file it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Parses RFC 4180 CSV (comma separated, `"` quoting with `""` escapes, quoted fields may hold
 * commas and line breaks; CRLF or LF). A UTF-8 byte-order mark is ignored. Blank lines are
 * skipped. Returns an error message with its line when a quote is left open.
 */
export function parseCsv(text: string): { records: CsvRecord[] } | { error: string; line: number } {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let rowHasContent = false;
  const endRecord = () => {
    cells.push(cell);
    if (rowHasContent || cells.length > 1 || cell !== '') records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    rowHasContent = false;
  };
  for (let index = 0; index < input.length; index += 1) {
    const char = input[index];
    if (quoted) {
      if (char === '"' && input[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === '') {
      quoted = true;
      rowHasContent = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
      rowHasContent = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[index + 1] === '\n') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else cell += char;
  }
  if (quoted) return { error: 'a quoted field is never closed', line: recordLine };
  if (cell !== '' || cells.length > 0 || rowHasContent) endRecord();
  return { records };
}
