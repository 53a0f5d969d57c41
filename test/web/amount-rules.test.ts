import { describe, expect, it } from 'vitest';
import { check, t } from './form-rules.js';
import { amountRules, compareDecimal, currencyPlaces } from '../../web/src/shell/amount-rules.js';

describe('amount fields are checked in the browser with a Chinese field message', () => {
  it('a required amount refuses empty, letters and too many places', async () => {
    const rules = amountRules(t, { required: true, currency: 'CNY' });
    expect(await check(rules, '')).toBe('必填');
    expect(await check(rules, 'abc')).toBe('请输入金额，如 1234.56');
    expect(await check(rules, '100.001')).toBe('金额最多 2 位小数');
    expect(await check(rules, '100.5')).toBeNull();
  });

  it('an optional amount may stay empty but is checked when filled', async () => {
    const rules = amountRules(t, { currency: 'CNY' });
    expect(await check(rules, undefined)).toBeNull();
    expect(await check(rules, '-5')).toBe('请输入金额，如 1234.56');
  });

  it('a known product range is a field error', async () => {
    const rules = amountRules(t, { required: true, currency: 'CNY', min: '1000.00', max: '50000.00' });
    expect(await check(rules, '999.99')).toBe('金额须在 CNY 1,000.00 至 CNY 50,000.00 之间');
    expect(await check(rules, '50000.01')).toBe('金额须在 CNY 1,000.00 至 CNY 50,000.00 之间');
    expect(await check(rules, '50000')).toBeNull();
  });

  it('orders decimal strings by their digits and knows currencies\' places', () => {
    expect(compareDecimal('1200.5', '1200.50')).toBe(0);
    expect(compareDecimal('999.99', '1000')).toBe(-1);
    expect(compareDecimal('00012', '9')).toBe(1);
    expect(currencyPlaces('CNY')).toBe(2);
    expect(currencyPlaces('JPY')).toBe(0);
    expect(currencyPlaces('C')).toBe(2);
  });
});
