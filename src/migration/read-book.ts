import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { BookRefused, type BookProblem } from './book-errors.js';
import {
  BOOK_FILES, controlRow, customerRow, loanRow, scheduleRow, transactionRow, type LegacyBook, type Located,
} from './layout.js';

/** The book's directory: the path itself, or the directory of a file given inside it (e.g. control.csv). */
export function bookDirectory(target: string): string {
  return existsSync(target) && statSync(target).isFile() ? path.dirname(target) : target;
}

/** Reads one CSV file and checks every row against its schema; problems are collected, never thrown. */
function readRows<S extends z.ZodObject>(dir: string, file: string, schema: S, problems: BookProblem[]): Located<z.output<S>>[] {
  const full = path.join(dir, file);
  if (!existsSync(full)) {
    problems.push({ file, line: null, column: null, message: `missing: the book needs ${file} in ${dir}` });
    return [];
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(readFileSync(full, 'utf8'), { columns: true, bom: true, trim: true, skip_empty_lines: true, info: true }) as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    problems.push({ file, line: (error as CsvError & { lines?: number }).lines ?? null, column: null, message: error.message });
    return [];
  }
  const expected = Object.keys(schema.shape);
  const header = records[0] ? Object.keys(records[0].record) : [];
  if (records.length === 0) return [];
  const missing = expected.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !expected.includes(c));
  for (const c of missing) problems.push({ file, line: 1, column: c, message: 'missing column' });
  for (const c of unknown) problems.push({ file, line: 1, column: c, message: `unknown column (expected ${expected.join(', ')})` });
  if (missing.length + unknown.length > 0) return [];
  const rows: Located<z.output<S>>[] = [];
  for (const { record, info } of records) {
    const parsed = schema.safeParse(record);
    if (parsed.success) rows.push({ line: info.lines, row: parsed.data });
    else for (const issue of parsed.error.issues) problems.push({ file, line: info.lines, column: String(issue.path[0] ?? ''), message: `${issue.message} (got "${String(record[String(issue.path[0])] ?? '')}")` });
  }
  return rows;
}

/**
 * Reads the book from `dir` with every row checked against the layout (src/migration/layout.ts).
 * Throws BookRefused('invalid') naming file, line and column of each problem.
 */
export function readLegacyBook(dir: string): LegacyBook {
  const problems: BookProblem[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new BookRefused('invalid', [{ file: dir, line: null, column: null, message: 'not a directory holding the book\'s CSV files' }]);
  const control = readRows(dir, BOOK_FILES.control, controlRow, problems);
  const book = {
    customers: readRows(dir, BOOK_FILES.customers, customerRow, problems),
    loans: readRows(dir, BOOK_FILES.loans, loanRow, problems),
    schedule: readRows(dir, BOOK_FILES.schedule, scheduleRow, problems),
    transactions: readRows(dir, BOOK_FILES.transactions, transactionRow, problems),
  };
  if (problems.length === 0 && control.length !== 1) {
    problems.push({ file: BOOK_FILES.control, line: null, column: null, message: `expected exactly one row of control totals, found ${control.length}` });
  }
  if (problems.length > 0) throw new BookRefused('invalid', problems);
  return { dir, control: control[0] as Located<z.output<typeof controlRow>>, ...book };
}
