import { labelOf, type Lookup } from '../i18n/label-of.js';

/** Which catalog prefix names the values of a report column (enums the server sends as codes); other columns show as sent. */
const VALUE_PREFIXES: Readonly<Record<string, string>> = {
  status: 'status.',
  classification: 'class.',
  account: 'ledger.',
  direction: 'report.direction.',
  rule: 'report.rule.',
};

/** A report column's header in the user's language (the server's field name when the catalog has none). */
export function columnTitle(t: Lookup, key: string): string {
  return labelOf(t, 'report.col.', key);
}

/** A report cell as shown: enum codes through the catalog, figures and ids exactly as the server sent them. */
export function cellText(t: Lookup, key: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const prefix = VALUE_PREFIXES[key];
  return prefix && typeof value === 'string' ? labelOf(t, prefix, value) : String(value);
}
