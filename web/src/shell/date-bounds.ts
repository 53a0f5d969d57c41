import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { MessageKey } from '../i18n/en-US.js';

/** The console's translate function (useT), typed here so the rule also loads outside React (tests). */
type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

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

function boundsMessage(t: Translate, { earliest, latest }: DateBounds): string {
  if (earliest !== undefined && latest !== undefined) return t('form.dateRange', { earliest, latest });
  if (earliest !== undefined) return t('form.dateNotBefore', { earliest });
  return t('form.dateNotAfter', { latest: latest ?? '' });
}

/**
 * The form rule of a date field with bounds: a date outside them (typed: the calendar offers none) is a
 * field message naming the range, so the form does not send it and the officer sees why — the picker keeps
 * the typed date rather than falling back to the one it held (the business date), which recorded a
 * back-dated payment on today's date.
 */
export function dateBoundsRule(t: Translate, bounds: DateBounds): FormRule {
  return {
    validator: async (_rule, value: Dayjs | null | undefined) => {
      if (value && outsideBounds(bounds)(value)) throw new Error(boundsMessage(t, bounds));
    },
  };
}
