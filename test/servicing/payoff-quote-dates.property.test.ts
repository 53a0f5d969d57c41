import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotePayoff } from '../../src/app/queries/loan-time-travel.js';
import { addDays } from '../../src/domain/calendar.js';
import { DomainError } from '../../src/domain/errors.js';
import { decideLoan, loanDecider } from '../../src/domain/loan/decider.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import { paymentRecords } from '../../src/domain/loan/payment-book.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import { minorOf } from '../../src/domain/money.js';
import { formatMinor } from '../../src/domain/schedule/minor-units.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { attempt, commandFor, DISBURSED, step } from './servicing-history.js';

const PENALTY = { type: 'fixed' as const, value: '50.00', cap: null, graceDays: 3 };

/** A repayment staff keyed in for `amount` dated `date`, decided on the loan as it stands (nothing recorded). */
function keyed(state: LoanState, amount: string, date: string): LoanEvent[] {
  return decideLoan({ type: 'ReceiveRepayment', data: { amount, channel: 'bank_transfer', reference: 'quoted', effectiveDate: date, keyed: { overpaymentConfirmed: false } } }, state, {});
}

function refusal(run: () => unknown): DomainError | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

/** The latest date of a payment still standing, a waiver or an officer charge: what a quote may not be dated before. */
function latestPaidOrCharged(state: LoanState): string | null {
  const dates = [
    ...paymentRecords(state.payments).filter((p) => !state.reversed.includes(p.reference)).map((p) => p.effectiveDate),
    ...state.waivers.map((w) => w.date), ...state.charges.map((c) => c.date),
  ];
  return dates.reduce<string | null>((latest, d) => (latest === null || d > latest ? d : latest), null);
}

/**
 * QA 11 S7: the payoff quote for a past date was refused (PAYOFF_DATE_BEFORE_LATER_FACTS) when the only
 * later fact was a penalty a close charged, while a repayment dated then was capped at — and closed the
 * loan with — the very payoff it computes. The invariant: the quote refuses a date only when a payment,
 * waiver or officer charge is dated after it, and every total it answers is the keyed-repayment cap of
 * that date (one cent more is AMOUNT_EXCEEDS_PAYOFF naming it, the total itself is accepted).
 */
describe('the payoff quote and the repayment cap agree on the dates they answer (QA 11 S7)', () => {
  it('over random servicing histories with closes charging penalties, on any date since disbursement, the quote refuses only dates before a payment, waiver or charge, and its total is the cap', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), fc.nat({ max: 400 }), (steps, back) => {
      const loan = new ServicedLoan('L1', servicingTerms({ penalty: PENALTY, writeOffDpd: 400 }), '6000.00', 6, DISBURSED);
      let today = DISBURSED;
      for (const [n, s] of steps.entries()) {
        if (s.op === 'advance') for (let d = 0; d < s.days * 2; d++) loan.close((today = addDays(today, 1)));
        const command = commandFor(s, today, n, loan.state);
        if (command && s.op !== 'writeOff' && s.op !== 'refund') attempt(loan, command, today);
      }
      const state = loan.state;
      if (state.status !== 'active' && state.status !== 'overdue') return;
      const date = addDays(today, -back) < DISBURSED ? DISBURSED : addDays(today, -back);
      const refused = refusal(() => quotePayoff(state, date));
      const latest = latestPaidOrCharged(state);
      if (refused !== null) {
        if (refused.code === 'BACKDATED_BEFORE_RESCHEDULE') return;
        expect(refused.code).toBe('PAYOFF_DATE_BEFORE_LATER_FACTS');
        expect(latest !== null && date < latest, `refused ${date}, the latest payment, waiver or charge ${latest}`).toBe(true);
        return;
      }
      expect(latest === null || date >= latest, `answered ${date} before a payment, waiver or charge of ${latest}`).toBe(true);
      const total = quotePayoff(state, date).total;
      const more = formatMinor(minorOf(total, 2) + 1n, 2);
      expect(refusal(() => keyed(state, more, date))).toMatchObject({ code: 'AMOUNT_EXCEEDS_PAYOFF', details: { payoff: total } });
      if (minorOf(total, 2) <= 0n) return;
      const paid = keyed(state, total, date).reduce((s, e) => loanDecider.evolve(s, e), structuredClone(state));
      expect(paid.status, `${total} dated ${date} closes the loan`).toBe('closed');
    }), { numRuns: Number(process.env.QUOTE_DATES_RUNS ?? 150) });
  }, 600_000);

  /**
   * The QA example (QA 11 S7): 12 000.00, 12 monthly at 12 %, 50.00 penalty after 3 grace days, disbursed
   * 2026-10-01 and closed through 12-01; row 1 (due 11-01) unpaid, so the close charged its 50.00 dated
   * 11-05. Quoted for 10-20, by hand: principal 12 000.00 + the 19 days of October's interest
   * 120.00 × 19/31 = 73.548… → 73.55, no penalty (paid on 10-20, row 1 is never late): 12 073.55.
   * A keyed 12 073.56 dated 10-20 is refused naming 12 073.55; 12 073.55 closes the loan.
   */
  it('given row 1\'s penalty charged by a close for 11-05, the quote for 10-20 answers 12 073.55, the cap of a repayment dated 10-20, which closes the loan', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ penalty: PENALTY }), '12000.00', 12, '2026-10-01');
    for (let day = '2026-10-01'; day <= '2026-12-01'; day = addDays(day, 1)) loan.close(day);
    expect(loan.state.penalties.map((p) => `${p.date} ${p.amount}`)).toContain('2026-11-05 50.00');
    expect(quotePayoff(loan.state, '2026-10-20')).toMatchObject({ principal: '12000.00', interest: '73.55', penalties: '0.00', total: '12073.55' });
    expect(refusal(() => keyed(loan.state, '12073.56', '2026-10-20'))).toMatchObject({ code: 'AMOUNT_EXCEEDS_PAYOFF', details: { payoff: '12073.55' } });
    loan.run({ type: 'ReceiveRepayment', data: { amount: '12073.55', channel: 'bank_transfer', reference: 'found-late', effectiveDate: '2026-10-20', keyed: { overpaymentConfirmed: false } } }, '2026-12-01');
    expect(loan.state.status).toBe('closed');
  });
});
