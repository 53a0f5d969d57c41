import dayjs, { type Dayjs } from 'dayjs';

/**
 * A picker's date config (antd's dayjs one, `@rc-component/picker/generate/dayjs`) with "now" moved to
 * the lender's business date (YYYY-MM-DD, from GET /v1/business-date): a picker built on it highlights
 * that day as today and its 今天 button picks it. The stock config reads the browser's clock, which
 * after 16:00 UTC in a browser on UTC is the day before Shanghai's business date, and back-dated a
 * repayment entered with 今天 (QA W1).
 */
export function businessDayConfig<Config extends { getNow: () => Dayjs }>(base: Config, businessDate: string): Config {
  return { ...base, getNow: () => dayjs(businessDate) };
}
