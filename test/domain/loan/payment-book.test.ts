import { describe, expect, it } from 'vitest';
import { decideLoan } from '../../../src/domain/loan/decider.js';
import { knownPayment, paymentEntry, paymentRecords } from '../../../src/domain/loan/payment-book.js';
import { disbursedLoan, repay } from './fixtures.js';

describe('payment book', () => {
  const entries = [paymentEntry('2026-02-15', '100.00', 0, 'online', 'a b'), paymentEntry('2026-02-10', '5.50', 1, 'alipay', 'b'), paymentEntry('2026-03-01', '7.00', 2, null, 'x b')];

  it('finds a payment by its exact reference, even one that ends another reference or holds a space', () => {
    expect(knownPayment(entries, 'b')).toEqual({ effectiveDate: '2026-02-10', amount: '5.50', reference: 'b', sequence: 1, channel: 'alipay' });
    expect(knownPayment(entries, 'a b')).toEqual({ effectiveDate: '2026-02-15', amount: '100.00', reference: 'a b', sequence: 0, channel: 'online' });
    expect(knownPayment(entries, 'x b')?.channel).toBeNull();
    expect(knownPayment(entries, 'c')).toBeUndefined();
    expect(knownPayment([], 'b')).toBeUndefined();
  });

  it('lists every payment in order of arrival with its sequence', () => {
    expect(paymentRecords(entries).map((p) => [p.reference, p.sequence])).toEqual([['a b', 0], ['b', 1], ['x b', 2]]);
  });

  it('is what the loan remembers of each repayment, so a replay is a no-op and another amount is refused', () => {
    const life = disbursedLoan();
    life.run(repay('100.00', 'r1', '2026-01-20'));
    expect(life.state.payments).toEqual([`2026-01-20 100.00 ${life.state.eventsFolded} online r1`]);
    expect(decideLoan(repay('100.0', 'r1', '2026-01-20'), life.state)).toEqual([]);
    expect(() => decideLoan(repay('99.00', 'r1', '2026-01-20'), life.state)).toThrow(expect.objectContaining({ code: 'DUPLICATE_REFERENCE' }));
  });
});
