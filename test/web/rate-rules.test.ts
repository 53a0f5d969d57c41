import { describe, expect, it } from 'vitest';
import { check, t } from './form-rules.js';
import { rateRules } from '../../web/src/shell/rate-rules.js';

describe('yearly rates are checked as percentages, never as money in the loan\'s currency (QA 9 Q8)', () => {
  it('takes what the API takes: up to 8 places whatever the currency (a JPY loan rescheduled to 9.5 %, a CNY one to 11.875 %)', async () => {
    const rules = rateRules(t, { required: true });
    for (const ok of ['12', '9.5', '11.875', '0', '7.12345678', '100']) expect(await check(rules, ok), ok).toBeNull();
  });

  it('refuses what the API refuses, with a rate message, not an amount one', async () => {
    const rules = rateRules(t, { required: true });
    expect(await check(rules, '')).toBe('必填');
    for (const bad of ['abc', '-1', '1.123456789', '1000', '012', '12 %']) expect(await check(rules, bad), bad).toBe('请输入年利率（百分比），如 12 或 7.25');
    expect(await check(rateRules(t), '')).toBeNull();
  });
});
