import { readFileSync } from 'node:fs';
import type { FormRule } from 'antd';
import { describe, expect, it } from 'vitest';
import { zh } from '../../web/src/i18n/zh-CN.js';
import { amountRules } from '../../web/src/shell/amount-rules.js';

const t = (key: keyof typeof zh, vars: Record<string, string | number> = {}) => zh[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
type RuleObject = Exclude<FormRule, (...args: never[]) => unknown>;

/** The first message the rules give `value`, as antd would run them; null when it passes. */
async function check(rules: ReturnType<typeof amountRules>, value: string): Promise<string | null> {
  for (const rule of rules as RuleObject[]) {
    if (!rule.validator) continue;
    try {
      await rule.validator(rule, value, () => undefined);
    } catch (error) {
      return (error as Error).message;
    }
  }
  return null;
}

const source = (path: string) => readFileSync(new URL(`../../web/src/${path}`, import.meta.url), 'utf8');

describe('the borrower\'s repay form and the refund form check amounts to the loan currency\'s minor units (QA Q8)', () => {
  it('a JPY amount is whole, a CNY amount has at most 2 places, a BHD amount at most 3', async () => {
    const jpy = amountRules(t, { required: true, currency: 'JPY' });
    expect(await check(jpy, '12000')).toBeNull();
    expect(await check(jpy, '12000.5')).toBe('该币种金额须为整数，不带小数');
    expect(await check(jpy, '12000.00')).toBe('该币种金额须为整数，不带小数');
    const cny = amountRules(t, { currency: 'CNY' });
    expect(await check(cny, '100.55')).toBeNull();
    expect(await check(cny, '100.555')).toBe('金额最多 2 位小数');
    expect(await check(amountRules(t, { currency: 'BHD' }), '1.234')).toBeNull();
  });

  it('both forms pass the loan\'s currency to the rules, and their pages give it from the server', () => {
    expect(source('payments/RepayCard.tsx')).toMatch(/amountRules\(t, \{ required: true, currency \}\)/);
    expect(source('portal/MyLoanPage.tsx')).toMatch(/<RepayCard [^>]*currency=\{loan\.data\.currency\}/);
    expect(source('payments/RefundForm.tsx')).toMatch(/amountRules\(t, \{ currency \}\)/);
    expect(source('payments/RefundCard.tsx')).toMatch(/<RefundForm [^>]*currency=\{desk\.data\.currency\}/);
  });
});
