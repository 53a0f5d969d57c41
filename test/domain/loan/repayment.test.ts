import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loanDecider } from '../../../src/domain/loan/decider.js';
import type { LoanCommand } from '../../../src/domain/loan/commands.js';
import type { LoanEvent } from '../../../src/domain/loan/events.js';
import { payoffQuote } from '../../../src/domain/loan/payoff.js';
import { given } from '../decider-spec.js';
import { disbursedLoan, eventsUntil, repay } from './fixtures.js';

const spec = (events: LoanEvent[]) => given(loanDecider, events);
const refund = (amount: string | null, reference = 'rf1'): LoanCommand => ({
  type: 'RefundOverpayment', data: { amount, channel: 'bank_transfer', reference, date: '2026-02-20' },
});

describe('repayments', () => {
  it('allocates an on-time installment and records it', () => {
    const state = spec(eventsUntil('disbursed')).when(repay('8884.88', 'r1', '2026-02-15')).then([{
      type: 'RepaymentReceived',
      data: {
        amount: '8884.88', channel: 'online', reference: 'r1', effectiveDate: '2026-02-15',
        allocation: { penalty: '0.00', fee: '0.00', interest: '1000.00', principal: '7884.88', excess: '0.00' },
        installments: [{ number: 1, penalty: '0.00', fee: '0.00', interest: '1000.00', principal: '7884.88' }],
      },
    }]);
    expect(state.principalOutstanding).toBe('92115.12');
    expect(state.installments[0]?.settled).toBe(true);
    expect(state.firstUnsettled).toBe(1);
  });

  it('treats the same repayment sent again as a no-op; the reference with another amount, date or channel is a 409 naming it', () => {
    const life = disbursedLoan();
    life.run(repay('100.00', 'r1', '2026-02-15'));
    spec(life.events).when(repay('100', 'r1', '2026-02-15')).then([]);
    spec(life.events).when(repay('100.01', 'r1', '2026-02-15')).thenThrows('DUPLICATE_REFERENCE', 'conflict');
    const moved = spec(life.events).when(repay('100.00', 'r1', '2026-02-16')).thenThrows('DUPLICATE_REFERENCE', 'conflict');
    expect(moved.message).toBe('Repayment reference r1 was already used for a different repayment (effective date 2026-02-15)');
    const alipay: LoanCommand = { type: 'ReceiveRepayment', data: { amount: '100.00', channel: 'alipay', reference: 'r1', effectiveDate: '2026-02-15' } };
    expect(spec(life.events).when(alipay).thenThrows('DUPLICATE_REFERENCE', 'conflict').message).toContain('channel online');
  });

  it('over random requests reusing a recorded reference: a replay exactly when amount, date, channel and prepayment are the same', () => {
    const life = disbursedLoan();
    life.run(repay('100.00', 'r1', '2026-02-15'));
    const request = fc.record({
      amount: fc.constantFrom('100.00', '100', '100.0', '100.01', '99.99'),
      effectiveDate: fc.constantFrom('2026-02-15', '2026-02-14', '2026-02-16'),
      channel: fc.constantFrom('online' as const, 'bank_transfer' as const, 'alipay' as const, 'wechat' as const),
      prepayment: fc.constantFrom(undefined, 'reduce-term' as const, 'reduce-installment' as const),
    });
    fc.assert(fc.property(request, ({ prepayment, ...data }) => {
      const command: LoanCommand = { type: 'ReceiveRepayment', data: { ...data, reference: 'r1', ...(prepayment ? { prepayment } : {}) } };
      const identical = Number(data.amount) === 100 && data.effectiveDate === '2026-02-15' && data.channel === 'online' && prepayment === undefined;
      if (identical) {
        spec(life.events).when(command).then([]);
      } else {
        expect(spec(life.events).when(command).thenThrows('DUPLICATE_REFERENCE', 'conflict').message).toContain('reference r1');
      }
    }), { numRuns: 200 });
  });

  it('an amount staff keyed in pays the loan off and no more, unless the overpayment is confirmed, and then never more than the principal beyond it', () => {
    const life = disbursedLoan();
    const payoff = payoffQuote(life.state, '2026-02-15').total;
    expect(payoff).toBe('101000.00');
    const keyed = (amount: string, overpaymentConfirmed: boolean): LoanCommand => ({
      type: 'ReceiveRepayment', data: { amount, channel: 'bank_transfer', reference: 'k1', effectiveDate: '2026-02-15', keyed: { overpaymentConfirmed } },
    });
    const refused = spec(life.events).when(keyed('101000.01', false)).thenThrows('AMOUNT_EXCEEDS_PAYOFF', 'rule');
    expect(refused.message).toContain('101000.00');
    expect(loanDecider.decide(keyed('101000.00', false), life.state).map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    expect(loanDecider.decide(keyed('101500.00', true), life.state).map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanOverpaid']);
    spec(life.events).when(keyed('201000.01', true)).thenThrows('OVERPAYMENT_TOO_LARGE', 'rule');
    // Money a channel reports arrived: it is recorded whatever it is.
    expect(loanDecider.decide(repay('300000.00', 'k2', '2026-02-15'), life.state).map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanOverpaid']);
  });

  it('refuses a zero, negative or malformed amount', () => {
    spec(eventsUntil('disbursed')).when(repay('0', 'r1', '2026-02-15')).thenThrows('INVALID_AMOUNT', 'invalid');
    spec(eventsUntil('disbursed')).when(repay('-5.00', 'r1', '2026-02-15')).thenThrows('NEGATIVE_AMOUNT', 'invalid');
    spec(eventsUntil('disbursed')).when(repay('1e3', 'r1', '2026-02-15')).thenThrows('INVALID_AMOUNT', 'invalid');
  });

  it('accepts repayments only on a disbursed, open loan, from its disbursement date', () => {
    spec(eventsUntil('approved')).when(repay('10.00', 'r1', '2026-02-15')).thenThrows('LOAN_NOT_ACTIVE', 'conflict');
    spec([]).when(repay('10.00', 'r1', '2026-02-15')).thenThrows('LOAN_NOT_FOUND', 'not_found');
    spec(eventsUntil('disbursed')).when(repay('10.00', 'r1', '2026-01-14')).thenThrows('EFFECTIVE_DATE_BEFORE_DISBURSEMENT', 'rule');
    spec(eventsUntil('disbursed')).when(repay('10.00', 'r1', '2026-02-30')).thenThrows('INVALID_DATE', 'invalid');
  });

  it('closes the loan when the payoff amount is paid', () => {
    const life = disbursedLoan();
    const quote = payoffQuote(life.state, '2026-01-25');
    expect(quote).toMatchObject({ principal: '100000.00', interest: '322.58', total: '100322.58' });
    expect(life.run(repay(quote.total, 'p', '2026-01-25')).map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    expect(life.state.status).toBe('closed');
    expect(payoffQuote(life.state, '2026-01-25').total).toBe('0.00');
  });

  it('marks money beyond the whole balance as an overpayment, refunded in parts then closed', () => {
    const life = disbursedLoan();
    const events = life.run(repay('100400.00', 'p', '2026-01-25'));
    expect(events[1]).toEqual({ type: 'LoanOverpaid', data: { amount: '77.42', date: '2026-01-25' } });
    expect(life.state).toMatchObject({ status: 'overpaid', creditBalance: '77.42' });
    spec(life.events).when(refund('77.43')).thenThrows('REFUND_EXCEEDS_CREDIT', 'rule');
    expect(life.run(refund('50.00'))).toEqual([{ type: 'RefundIssued', data: { amount: '50.00', channel: 'bank_transfer', reference: 'rf1', date: '2026-02-20' } }]);
    expect(life.run(refund(null, 'rf2'))).toEqual([
      { type: 'RefundIssued', data: { amount: '27.42', channel: 'bank_transfer', reference: 'rf2', date: '2026-02-20' } },
      { type: 'LoanClosed', data: { date: '2026-02-20', reason: 'overpayment_refunded' } },
    ]);
    expect(life.state).toMatchObject({ status: 'closed', creditBalance: '0.00' });
    spec(eventsUntil('disbursed')).when(refund(null)).thenThrows('LOAN_NOT_OVERPAID', 'conflict');
  });

  it('re-allocates every payment in date order when one is backdated', () => {
    const life = disbursedLoan();
    // Dated 03-20, it first records the penalties owed by then (rows 1 and 2 unpaid at the end of
    // their 3 grace days, 02-18 and 03-18: 5 % of 8 884.88 each) and pays row 1's first (QA 9 Q5).
    const late = life.run(repay('5000.00', 'late', '2026-03-20'));
    expect(late.filter((e) => e.type === 'PenaltyCharged').map((e) => e.data)).toEqual([
      { number: 1, amount: '444.24', date: '2026-02-19', reason: 'RepaymentReceived' },
      { number: 2, amount: '444.24', date: '2026-03-19', reason: 'RepaymentReceived' },
    ]);
    expect(life.state.installments[0]?.paid).toMatchObject({ penalty: '444.24', interest: '1000.00', principal: '3555.76' });
    const [event] = life.run(repay('8884.88', 'early', '2026-02-15'));
    // The backdated payment takes installment 1; the later one moves on to installment 2.
    expect(event).toMatchObject({ data: { installments: [{ number: 1, interest: '1000.00', principal: '7884.88' }] } });
    expect(life.state.payments).toEqual(['2026-03-20 5000.00 7 online late', '2026-02-15 8884.88 8 online early']);
    expect(life.state.installments[0]?.settled).toBe(true);
    // Row 1 is now paid in time, so its penalty is void; row 2's stands (unpaid at the end of 03-18) and is paid first.
    expect(life.state.installments[1]?.paid).toMatchObject({ penalty: '444.24', interest: '921.15', principal: '3634.61' });
    expect(life.state.principalOutstanding).toBe('88480.51');
    // Folding the same events from scratch gives the same state: evolve re-derives, it does not patch.
    const replayed = life.events.reduce(loanDecider.evolve, loanDecider.initialState());
    expect(replayed).toEqual(life.state);
  });
});
