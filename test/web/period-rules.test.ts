import { describe, expect, it } from 'vitest';
import { check, t } from './form-rules.js';
import { periodRules } from '../../web/src/shell/period-rules.js';

describe('a reschedule\'s new term is refused with a message, never clamped (QA 12 W2)', () => {
  it('refuses 0, negatives, fractions and more than 600 periods: a typed 0 had become 1 and restructured a loan into one installment', async () => {
    const rules = periodRules(t);
    for (const bad of ['0', '-1', '1.5', '601', 'abc', '1e2']) expect(await check(rules, bad), bad).toBe('请输入 1–600 之间的整数期数');
  });

  it('takes 1–600 whole periods, and nothing when the field is optional', async () => {
    for (const ok of ['1', '24', '600']) expect(await check(periodRules(t), ok), ok).toBeNull();
    expect(await check(periodRules(t), '')).toBeNull();
    expect(await check(periodRules(t, { required: true }), '')).toBe('必填');
  });
});
