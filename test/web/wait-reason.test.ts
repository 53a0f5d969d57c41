import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../src/projections/models/work-queue/reason-codes.js';
import { en } from '../../web/src/i18n/en-US.js';
import { zh } from '../../web/src/i18n/zh-CN.js';
import { waitReasonText } from '../../web/src/queues/wait-reason.js';

/** The console's translator (web/src/i18n/i18n.tsx): the catalog's words with `{name}` filled, the key itself when missing. */
const translator = (catalog: Record<string, string>) => (key: string, vars: Record<string, string | number> = {}) =>
  (catalog[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

// QA 11 S4: the zh-CN console showed the server's English sentence, amounts without currency.
describe('work-queue wait reasons in the console', () => {
  const reversal = {
    reason: 'reversal of repayment BIG-1 (1500.00) requested: chargeback; awaiting a second person\'s approval',
    reasonCode: 'reversal-requested' as const, reasonParams: { reference: 'BIG-1', amount: '1500.00', currency: 'CNY', reason: 'chargeback' },
  };

  it('words each code in Chinese and English, amounts with their currency', () => {
    expect(waitReasonText(translator(zh) as never, reversal)).toBe('待第二人批准的还款冲正：还款 BIG-1（CNY 1,500.00），原因 chargeback');
    expect(waitReasonText(translator(en) as never, reversal)).toContain('(CNY 1,500.00)');
    const waiver = { reason: 'x', reasonCode: 'waiver-requested' as const, reasonParams: { reference: 'GW-1', kind: 'penalty', amount: '50.00', currency: 'CNY', reason: 'goodwill' } };
    expect(waitReasonText(translator(zh) as never, waiver)).toBe('待第二人批准的减免 GW-1：罚息 CNY 50.00，原因 goodwill');
  });

  it('has words for every code the server sends, in both languages, and falls back to the sentence without a code', () => {
    for (const code of REASON_CODES) {
      expect(zh, code).toHaveProperty([`queue.why.${code}`]);
      expect(en, code).toHaveProperty([`queue.why.${code}`]);
    }
    expect(waitReasonText(translator(zh) as never, { reason: 'approved, awaiting disbursement' })).toBe('approved, awaiting disbursement');
  });
});
