import { dateRefusal } from '../../domain/calendar.js';
import { DomainError } from '../../domain/errors.js';
import type { StatementLine } from '../../domain/payment/statement-events.js';
import { csvRecords } from './csv-records.js';

/**
 * The statement CSV's column mapping: a header row names the columns (any order, case-insensitive,
 * extra columns ignored). `date` YYYY-MM-DD, `amount` a decimal (credits > 0; debits and zero are
 * skipped), `currency` ISO 4217, `memo` the transfer's remark, `bank_txn_id` the bank's unique id.
 */
export const STATEMENT_COLUMNS = { date: 'date', amount: 'amount', currency: 'currency', memo: 'memo', bankTxnId: 'bank_txn_id' } as const;

const AMOUNT = /^-?(0|[1-9]\d{0,14})(\.\d{1,12})?$/;
/** A bank transaction id becomes a repayment reference: its characters, and not only dots (the reversal URL would lose it, QA 10 R2). */
const TXN_ID = /^(?!\.+$)[A-Za-z0-9._:-]{1,100}$/;
const CURRENCY = /^[A-Z]{3}$/;

const invalid = (detail: string) => new DomainError('STATEMENT_INVALID', detail, 'invalid');

/** The statement's credit lines, or STATEMENT_INVALID (400) naming the first bad row and column. */
export function parseStatementCsv(text: string): { lines: StatementLine[]; skippedDebits: number } {
  const records = csvRecords(text);
  if (records === null) throw invalid('the CSV has an unterminated quoted field');
  const [header, ...rows] = records;
  if (header === undefined) throw invalid('the CSV is empty; expected a header row');
  const names = header.map((h) => h.trim().toLowerCase());
  const index = Object.fromEntries(Object.entries(STATEMENT_COLUMNS).map(([key, name]) => [key, names.indexOf(name)])) as Record<keyof typeof STATEMENT_COLUMNS, number>;
  const missing = Object.entries(index).filter(([, i]) => i < 0).map(([key]) => STATEMENT_COLUMNS[key as keyof typeof STATEMENT_COLUMNS]);
  if (missing.length > 0) throw invalid(`the CSV header lacks column(s) ${missing.join(', ')}`);
  const lines: StatementLine[] = [];
  let skippedDebits = 0;
  rows.forEach((row, n) => {
    const rowNumber = n + 2;
    const cell = (key: keyof typeof STATEMENT_COLUMNS) => (row[index[key]] ?? '').trim();
    const [date, amount, currency, memo, bankTxnId] = [cell('date'), cell('amount'), cell('currency').toUpperCase(), cell('memo'), cell('bankTxnId')];
    const dateRefused = dateRefusal(date);
    if (dateRefused) throw invalid(`row ${rowNumber}: date "${date}" ${dateRefused}`);
    if (!AMOUNT.test(amount)) throw invalid(`row ${rowNumber}: amount "${amount}" is not a decimal such as 1234.56`);
    if (!CURRENCY.test(currency)) throw invalid(`row ${rowNumber}: currency "${currency}" is not an ISO 4217 code`);
    if (!TXN_ID.test(bankTxnId)) throw invalid(`row ${rowNumber}: bank_txn_id "${bankTxnId}" must be 1–100 letters, digits, . _ : - and not only dots`);
    if (amount.startsWith('-') || /^0(\.0*)?$/.test(amount)) {
      skippedDebits++;
      return;
    }
    lines.push({ bankTxnId, date, amount, currency, memo });
  });
  return { lines, skippedDebits };
}
