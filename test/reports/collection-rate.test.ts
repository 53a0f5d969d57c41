import { describe, expect, it } from 'vitest';
import { dueByMonth } from '../../src/domain/loan/figures.js';
import type { Installment } from '../../src/domain/loan/state.js';
import { initialLoanState } from '../../src/domain/loan/state.js';
import { buildCollectionRate } from '../../src/reports/collection-rate.js';
import { tx } from './regulatory-fixtures.js';

const zero = { penalty: '0.00', fee: '0.00', interest: '0.00', principal: '0.00' };
function installment(number: number, dueDate: string, principal: string, interest: string, extra: Partial<Installment> = {}): Installment {
  return {
    number, fromDate: dueDate, dueDate, due: { ...zero, principal, interest }, paid: zero, waived: zero, settled: false, overdueSince: null, settledOn: null, ...extra,
  };
}
const book = (currency: string, installments: Installment[]): { currency: string; dueByMonth: Record<string, string> } =>
  ({ currency, dueByMonth: dueByMonth({ ...initialLoanState(), currency, installments }) });

describe('buildCollectionRate', () => {
  it('divides what repayments paid against the schedule by what fell due, per month and currency', () => {
    const loans = [
      book('CNY', [
        installment(1, '2026-02-15', '990.07', '30.00'),
        // A penalty is not scheduled; the waived interest is not owed.
        installment(2, '2026-03-15', '999.97', '20.10', { due: { ...zero, principal: '999.97', interest: '20.10', penalty: '50.00' }, waived: { ...zero, interest: '20.10' } }),
        installment(3, '2026-05-15', '1009.96', '10.10'),
      ]),
      book('JPY', [installment(1, '2026-02-10', '10000', '100', { due: { penalty: '0', fee: '0', interest: '100', principal: '10000' }, paid: { penalty: '0', fee: '0', interest: '0', principal: '0' }, waived: { penalty: '0', fee: '0', interest: '0', principal: '0' } })]),
    ];
    const transactions = [
      tx('1020.07', '2026-02-15', { scheduledPaid: '1020.07' }),
      // Paid late and with a penalty: only the scheduled part counts, in the month it was paid.
      tx('1050.00', '2026-04-02', { scheduledPaid: '999.97' }),
      tx('5000', '2026-02-12', { currency: 'JPY', scheduledPaid: '5000' }),
      tx('3000.00', '2026-02-01', { kind: 'disbursement', scheduledPaid: '0' }),
      tx('10.00', '2026-05-01', { scheduledPaid: '10.00' }),
    ];
    expect(buildCollectionRate(loans, transactions, '2026-04-30')).toEqual([
      { month: '2026-02', currency: 'CNY', due: '1020.07', collected: '1020.07', rate: '1.0000' },
      { month: '2026-02', currency: 'JPY', due: '10100', collected: '5000', rate: '0.4950' },
      { month: '2026-03', currency: 'CNY', due: '999.97', collected: '0.00', rate: '0.0000' },
      { month: '2026-04', currency: 'CNY', due: '0.00', collected: '999.97', rate: null },
    ]);
  });

  it('does not count a repayment reversed by the as-of date, and counts it before its reversal', () => {
    const loans = [book('CNY', [installment(1, '2026-02-15', '990.07', '30.00')])];
    const bounced = [tx('1020.07', '2026-02-15', { scheduledPaid: '1020.07', reversedOn: '2026-02-20' })];
    expect(buildCollectionRate(loans, bounced, '2026-02-19')[0]).toMatchObject({ collected: '1020.07' });
    expect(buildCollectionRate(loans, bounced, '2026-02-28')[0]).toMatchObject({ collected: '0.00', rate: '0.0000' });
  });
});
