import type { Dayjs } from 'dayjs';

/** The dates a command may carry: none after the business date, none before the loan's disbursement (both YYYY-MM-DD, either unknown). */
export interface DateBounds {
  latest?: string | undefined;
  earliest?: string | undefined;
}

/** antd DatePicker's `disabledDate` for the bounds (day granularity). */
export function outsideBounds(bounds: DateBounds): (day: Dayjs) => boolean {
  return (day) => {
    const date = day.format('YYYY-MM-DD');
    return (bounds.latest !== undefined && date > bounds.latest) || (bounds.earliest !== undefined && date < bounds.earliest);
  };
}
