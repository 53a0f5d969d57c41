/**
 * Display formatting only: the server computes every figure and sends decimal strings; these put
 * a currency code or a thousands separator on them without doing arithmetic.
 */
export function money(amount: string | null | undefined, currency?: string): string {
  if (amount === null || amount === undefined) return '—';
  const [whole = '', fraction] = amount.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency ? `${currency} ` : ''}${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** An ISO instant in the user's locale, or the date part alone. */
export function instant(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { hour12: false });
}
