/**
 * The flow chart's window: from the first day of the business date's month a year before (`2027-01-01` →
 * `2026-01-01`), the business date being the lender's (GET /v1/business-date), never the browser's clock:
 * a browser in UTC on the lender's 1 January still read December and drew thirteen months.
 */
export function flowsFrom(businessDate: string): string {
  const [year = '', month = ''] = businessDate.split('-');
  return `${Number(year) - 1}-${month}-01`;
}
