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

/**
 * An ISO instant as `YYYY-MM-DD HH:mm:ss` in the lender's time zone, whatever the language or the
 * browser's zone: one format for every time the console shows (audit, timeline, refunds, queues).
 * An unparseable value is shown as sent.
 */
export function instant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: lenderTimeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(date).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

// The server's default zone until GET /v1/business-date names the lender's (see useBusinessDate).
let lenderTimeZone = 'Asia/Shanghai';

/** Business times are shown in the lender's time zone, whatever the browser's: set from GET /v1/business-date. */
export function setLenderTimeZone(timeZone: string): void {
  lenderTimeZone = timeZone;
}

/**
 * A ratio the server computed ("0.9512", four places) as a percentage ("95.12 %"), by moving the
 * decimal point two places in the string: formatting, not arithmetic.
 */
export function ratioAsPercent(ratio: string | null | undefined): string {
  if (ratio === null || ratio === undefined || !/^\d+(\.\d+)?$/.test(ratio)) return '—';
  const [whole = '0', fraction = ''] = ratio.split('.');
  const padded = fraction.padEnd(2, '0');
  const integer = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2);
  return `${integer}${rest ? `.${rest}` : ''} %`;
}
