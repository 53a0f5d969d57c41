import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { t } from './form-rules.js';
import { dateBoundsRule, outsideBounds } from '../../web/src/shell/date-bounds.js';

/** The rule's message for `value`, or null when it passes. */
async function refusal(bounds: Parameters<typeof dateBoundsRule>[1], value: string | null): Promise<string | null> {
  const rule = dateBoundsRule(t, bounds);
  if (typeof rule === 'function' || !rule.validator) throw new Error('a validator rule');
  try {
    await rule.validator(rule, value === null ? null : dayjs(value), () => undefined);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

// A back-dated repayment typed before the disbursement fell back to the business date the field started at,
// and the payment was recorded today: a typed date out of range is a field message instead, never replaced.
describe('a date outside a command\'s bounds is a field message naming them', () => {
  const bounds = { earliest: '2026-11-10', latest: '2026-12-01' };

  it('refuses a day before the earliest or after the business date, in Chinese', async () => {
    expect(await refusal(bounds, '2026-11-09')).toBe('日期须在 2026-11-10 至 2026-12-01 之间');
    expect(await refusal(bounds, '2026-12-02')).toBe('日期须在 2026-11-10 至 2026-12-01 之间');
    expect(await refusal({ earliest: '2026-11-10' }, '2026-11-09')).toBe('日期不得早于 2026-11-10');
    expect(await refusal({ latest: '2026-12-01' }, '2026-12-02')).toBe('日期不得晚于营业日 2026-12-01');
  });

  it('passes the bounds themselves, a day between, and an empty field (required is its own rule)', async () => {
    for (const day of ['2026-11-10', '2026-11-20', '2026-12-01']) expect(await refusal(bounds, day)).toBeNull();
    expect(await refusal(bounds, null)).toBeNull();
    expect(await refusal({}, '1999-01-01')).toBeNull();
  });

  it('disables in the calendar exactly the days the rule refuses', () => {
    const disabled = outsideBounds(bounds);
    expect(['2026-11-09', '2026-11-10', '2026-12-01', '2026-12-02'].map((d) => disabled(dayjs(d)))).toEqual([true, false, false, true]);
  });
});
