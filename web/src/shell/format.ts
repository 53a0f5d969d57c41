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

/** A ratio the server sent as a decimal string ("0.0512"), shown as a percentage string by moving the point. */
export function percentOf(ratio: string | null | undefined): string {
  if (ratio === null || ratio === undefined) return '—';
  const [whole = '0', fraction = ''] = ratio.split('.');
  // Move the decimal point two places by string: "0.0512" → "5.12".
  const padded = fraction.padEnd(4, '0');
  const integer = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  return `${integer}.${padded.slice(2, 4)} %`;
}

/** An ISO instant in the user's locale, or the date part alone. */
export function instant(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { hour12: false });
}
