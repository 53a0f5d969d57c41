import { labelOf, type Lookup } from '../i18n/label-of.js';
import { money, ratioAsPercent } from '../shell/format.js';

/** Which catalog prefix names the values of a report column (enums the server sends as codes); other columns show as sent. */
const VALUE_PREFIXES: Readonly<Record<string, string>> = {
  status: 'status.',
  classification: 'class.',
  account: 'ledger.',
  direction: 'report.direction.',
  rule: 'report.rule.',
};

/** Columns holding money (decimal strings in the row's `currency`) and ratios (four places, shown as a percentage). */
const MONEY_COLUMNS: ReadonlySet<string> = new Set(['principal', 'total', 'outstanding', 'atRisk', 'debit', 'credit', 'balance', 'amount']);
const RATIO_COLUMNS: ReadonlySet<string> = new Set(['ratio']);

/** What a cell's display may draw on besides its value: the row's currency, product names by id. */
export interface CellContext {
  currency?: string;
  productNames?: ReadonlyMap<string, string>;
}

/** A report column's header in the user's language (the server's field name when the catalog has none). */
export function columnTitle(t: Lookup, key: string): string {
  return labelOf(t, 'report.col.', key);
}

/**
 * A report cell as shown: enum codes through the catalog, money with its currency and thousands
 * separators (`CNY 3,284,042.54`), ratios as percentages (`9.28 %`), a product by its name; the
 * digits are always the server's.
 */
export function cellText(t: Lookup, key: string, value: string | number | null | undefined, context: CellContext = {}): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (MONEY_COLUMNS.has(key)) return money(value, context.currency);
    if (RATIO_COLUMNS.has(key)) return ratioAsPercent(value);
    if (key === 'productId') return context.productNames?.get(value) ?? value;
  }
  const prefix = VALUE_PREFIXES[key];
  return prefix && typeof value === 'string' ? labelOf(t, prefix, value) : String(value);
}

/**
 * How a column lines up: figures (money, ratios, counts the server sends as numbers) to the right, so digits and
 * decimal points stack as in the schedule; text to the left. `sample` is the column's value in the first row.
 */
export function columnAlign(key: string, sample: unknown): 'right' | 'left' {
  return MONEY_COLUMNS.has(key) || RATIO_COLUMNS.has(key) || typeof sample === 'number' ? 'right' : 'left';
}
