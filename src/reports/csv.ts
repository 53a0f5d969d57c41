export type CsvCell = string | number | boolean | null | undefined;

/** A column: the row field it reads and, optionally, a header other than the field name. */
export type CsvColumn<R> = (keyof R & string) | { key: keyof R & string; header: string };

const FORMULA_START = /^[=+\-@\t\r]/;
// A negative amount ("-12.50") starts with "-" but no spreadsheet runs it as a formula; quoting it would break sums.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: formula-looking text is defused with a leading quote, then RFC 4180 quoting applies. */
export function csvCell(value: CsvCell): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends, header row first) of the given columns of each row. */
export function toCsv<R extends object>(rows: readonly R[], columns: readonly CsvColumn<R>[]): string {
  const specs = columns.map((column) => (typeof column === 'string' ? { key: column, header: column } : column));
  const lines = [specs.map((spec) => csvCell(spec.header)).join(',')];
  for (const row of rows) {
    lines.push(specs.map((spec) => csvCell(row[spec.key] as CsvCell)).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
