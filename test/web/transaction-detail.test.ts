import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en-US.js';
import { zh } from '../../web/src/i18n/zh-CN.js';
import { isReversed, transactionDetail, type Transaction } from '../../web/src/loans/transaction-detail.js';

/** The console's translator (web/src/i18n/i18n.tsx): the catalog's words with `{name}` filled, the key itself when missing. */
const translator = (catalog: Record<string, string>) => (key: string, vars: Record<string, string | number> = {}) =>
  (catalog[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

const repayment = (reversed: boolean): Transaction => ({
  type: 'repayment', revision: '3', position: '10', date: '2026-12-01', recordedAt: '2026-11-30T21:20:00Z',
  actor: { sub: 'dev-officer', role: 'officer' }, currency: 'CNY', amount: '500.00', channel: 'bank-transfer', reference: 'QA-R1', reversed,
  allocation: { penalty: '0.00', fee: '0.00', interest: '116.16', principal: '383.84', excess: '0.00' },
} as Transaction);

// QA W5: 交易流水 showed a reversed repayment as a live payment with its split (本金 383.84 · 利息 116.16), no mark.
describe('a reversed repayment in the transactions list', () => {
  it('is marked reversed and shows no split as applied', () => {
    const zhDetail = transactionDetail(repayment(true), translator(zh) as never);
    expect(isReversed(repayment(true))).toBe(true);
    expect(zhDetail).toContain('已冲正');
    expect(zhDetail).toContain('QA-R1');
    expect(zhDetail).not.toContain('383.84');
    expect(transactionDetail(repayment(true), translator(en) as never)).toContain('Reversed');
  });

  it('a live repayment keeps its split and no mark', () => {
    const detail = transactionDetail(repayment(false), translator(zh) as never);
    expect(isReversed(repayment(false))).toBe(false);
    expect(detail).toContain('本金 383.84 · 利息 116.16');
    expect(detail).not.toContain('已冲正');
  });
});
