import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLargeValueTransactions } from '../../src/reports/aml-large-value.js';
import { findSuspiciousActivity } from '../../src/reports/aml-suspicious.js';
import { regLoan, tx } from './regulatory-fixtures.js';

describe('large-value transactions', () => {
  it('flags a single payment at the threshold but not one cent below', () => {
    const at = tx('50000.00', '2024-03-01');
    const below = tx('49999.99', '2024-03-02');
    const rows = findLargeValueTransactions([at, below]);
    expect(rows).toEqual([{ rule: 'single', customerId: 'C1', date: '2024-03-01', currency: 'CNY', direction: 'in', count: 1, total: '50000.00', transactionIds: at.id }]);
  });

  it('flags a customer-day whose payments reach the threshold together, and not another day or customer', () => {
    const a = tx('30000.00', '2024-03-01');
    const b = tx('20000.00', '2024-03-01');
    const nextDay = tx('20000.00', '2024-03-02');
    const other = tx('25000.00', '2024-03-01', { customerId: 'C2' });
    const rows = findLargeValueTransactions([a, b, nextDay, other]);
    expect(rows).toEqual([{ rule: 'daily-aggregate', customerId: 'C1', date: '2024-03-01', currency: 'CNY', direction: 'in', count: 2, total: '50000.00', transactionIds: `${a.id} ${b.id}` }]);
  });

  it('keeps money in and money out apart, and skips currencies without a threshold', () => {
    const rows = findLargeValueTransactions([
      tx('30000.00', '2024-03-01'), tx('30000.00', '2024-03-01', { kind: 'disbursement' }), tx('90000.00', '2024-03-01', { currency: 'USD' }),
    ]);
    expect(rows).toEqual([]);
  });

  it('uses a configured threshold', () => {
    const rows = findLargeValueTransactions([tx('10000.00', '2024-03-01', { currency: 'USD' })], { USD: '10000' });
    expect(rows.map((r) => r.rule)).toEqual(['single']);
  });
});

describe('suspicious activity', () => {
  it('flags three just-under payments within seven days, counting exactly 90 % of the threshold', () => {
    const payments = [tx('45000.00', '2024-03-01'), tx('49999.99', '2024-03-04'), tx('47000.00', '2024-03-08')];
    const rows = findSuspiciousActivity(payments, []);
    expect(rows).toEqual([{
      rule: 'structuring', customerId: 'C1', loanId: null, currency: 'CNY', from: '2024-03-01', to: '2024-03-08', count: 3,
      total: '141999.99', evidence: payments.map((p) => p.id).join(' '),
    }]);
  });

  it('ignores payments a cent below the band, at the threshold, spread over eight days, or only two', () => {
    expect(findSuspiciousActivity([tx('44999.99', '2024-03-01'), tx('46000.00', '2024-03-02'), tx('46000.00', '2024-03-03')], [])).toEqual([]);
    expect(findSuspiciousActivity([tx('50000.00', '2024-03-01'), tx('46000.00', '2024-03-02'), tx('46000.00', '2024-03-03')], [])).toEqual([]);
    expect(findSuspiciousActivity([tx('46000.00', '2024-03-01'), tx('46000.00', '2024-03-05'), tx('46000.00', '2024-03-09')], [])).toEqual([]);
    expect(findSuspiciousActivity([tx('46000.00', '2024-03-01'), tx('46000.00', '2024-03-02')], [])).toEqual([]);
  });

  it('does not chain payments of different customers', () => {
    const rows = findSuspiciousActivity([
      tx('46000.00', '2024-03-01'), tx('46000.00', '2024-03-02'), tx('46000.00', '2024-03-03', { customerId: 'C2' }),
    ], []);
    expect(rows).toEqual([]);
  });

  it('flags a loan repaid in full within thirty days of disbursement, not on day 31 or when closed by refund', () => {
    const loans = [
      regLoan('fast', '2024-03-01', '2024-03-31'),
      regLoan('slow', '2024-03-01', '2024-04-01'),
      regLoan('refunded', '2024-03-01', '2024-03-05', { closeReason: 'overpayment_refunded' }),
      regLoan('open', '2024-03-01', null),
    ];
    expect(findSuspiciousActivity([], loans)).toEqual([{
      rule: 'fast-payoff', customerId: 'C1', loanId: 'fast', currency: 'CNY', from: '2024-03-01', to: '2024-03-31', count: 1, total: '3000.00', evidence: 'fast',
    }]);
  });

  it('honours configured windows', () => {
    const payments = [tx('46000.00', '2024-03-01'), tx('46000.00', '2024-03-02')];
    expect(findSuspiciousActivity(payments, [], { minPayments: 2, structuringDays: 1 }).map((r) => r.count)).toEqual([2]);
    expect(findSuspiciousActivity([], [regLoan('L', '2024-03-01', '2024-03-11')], { fastPayoffDays: 9 })).toEqual([]);
  });
});

describe('reversed repayments', () => {
  it('a reversed 50 000.00 repayment is no large-value transaction, and reversed just-under payments make no structuring', () => {
    const bounced = tx('50000.00', '2024-03-01', { reversedOn: '2024-03-02' });
    expect(findLargeValueTransactions([bounced, tx('20000.00', '2024-03-01')])).toEqual([]);
    const split = [tx('45000.00', '2024-03-01'), tx('49999.99', '2024-03-04', { reversedOn: '2024-03-05' }), tx('47000.00', '2024-03-08')];
    expect(findSuspiciousActivity(split, [])).toEqual([]);
  });

  it('over random payments, some reversed: both reports equal the reports of the payments that stood', () => {
    const payment = fc.record({
      cents: fc.integer({ min: 1_000_000, max: 6_000_000 }), day: fc.integer({ min: 1, max: 12 }), customer: fc.constantFrom('C1', 'C2'),
      reversed: fc.boolean(), kind: fc.constantFrom('repayment' as const, 'recovery' as const),
    });
    fc.assert(fc.property(fc.array(payment, { maxLength: 12 }), (payments) => {
      const all = payments.map((p) => tx((p.cents / 100).toFixed(2), `2024-03-${String(p.day).padStart(2, '0')}`, {
        customerId: p.customer, kind: p.kind, ...(p.reversed ? { reversedOn: '2024-03-20' } : {}),
      }));
      const stood = all.filter((t) => t.reversedOn === undefined);
      expect(findLargeValueTransactions(all)).toEqual(findLargeValueTransactions(stood));
      expect(findSuspiciousActivity(all, [])).toEqual(findSuspiciousActivity(stood, []));
    }), { numRuns: 200 });
  });
});
