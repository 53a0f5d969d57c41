import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { decideLoan, loanDecider } from '../../src/domain/loan/decider.js';
import { loanFigures } from '../../src/domain/loan/figures.js';
import { LEDGER_ACCOUNTS } from '../../src/domain/loan/ledger-accounts.js';
import { payoffQuote } from '../../src/domain/loan/payoff.js';
import { paymentRecords } from '../../src/domain/loan/payment-book.js';
import { replayServicing } from '../../src/domain/loan/servicing-replay.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { generalLedgerProjection, LEDGER_JOURNAL } from '../../src/projections/models/general-ledger/general-ledger.js';
import { buildTrialBalance, entryIsBalanced } from '../../src/reports/trial-balance.js';
import { FakeContext, project } from '../projections/models/fake-context.js';
import { everyAsOfViewIsReal } from './ledger-as-of.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { amount, attempt, commandFor, DISBURSED, step } from './servicing-history.js';
import { earnedMinor } from '../../src/domain/loan/accrual.js';
import { minorOf } from '../../src/domain/money.js';

/**
 * Interest the loan's rows have earned by `date` under the product's accrual rule (each row's
 * scheduled interest, pro rata of its period's days under the day count), net of waivers, in
 * cents: all a payoff on `date` may have collected over the loan's life.
 */
function interestEarnedCents(state: LoanState, date: string): bigint {
  const ctx = loanContext(state);
  let sum = 0n;
  for (const row of state.installments) {
    const net = earnedMinor(row, date, ctx, 2) - minorOf(row.waived.interest, 2);
    if (net > 0n) sum += net;
  }
  return sum;
}

const interestPaidCents = (state: LoanState) => state.installments.reduce((sum, row) => sum + minorOf(row.paid.interest, 2), 0n);

/**
 * Paying exactly the quote on `date` closes the loan with nothing owed and no credit; when the loan
 * still owed principal, interest collected over its life is then exactly interest earned to `date`
 * (interest paid ahead for days that never ran goes to principal). Once all principal was repaid,
 * later rows were already cut to what they had collected (forgoUnearned), so earned is no longer
 * measurable from the rows.
 */
function payoffClosesTheLoan(state: LoanState, date: string): void {
  if (state.status !== 'active' && state.status !== 'overdue') return;
  const quote = payoffQuote(state, date);
  const earned = state.principalOutstanding !== '0.00' ? interestEarnedCents(state, date) : null;
  let copy: LoanState = structuredClone(state);
  // Keyed in by staff without confirming an overpayment: the quote is never more than pays the loan off, a cent more is.
  const keyed = (amount: string) => ({ type: 'ReceiveRepayment' as const, data: { amount, channel: 'online' as const, reference: 'payoff-check', effectiveDate: date, keyed: { overpaymentConfirmed: false } } });
  const cent = (Math.round(Number(quote.total) * 100) + 1) / 100;
  expect(() => decideLoan(keyed(cent.toFixed(2)), copy)).toThrow(expect.objectContaining({ code: 'AMOUNT_EXCEEDS_PAYOFF' }));
  const events = decideLoan(keyed(quote.total), copy);
  for (const event of events) copy = loanDecider.evolve(copy, event);
  expect(events.map((e) => e.type)).toContain('LoanClosed');
  expect(events.map((e) => e.type)).not.toContain('LoanOverpaid');
  expect(copy.creditBalance, 'no credit left').toBe('0.00');
  if (earned !== null) expect(interestPaidCents(copy), 'interest collected = interest earned to the payoff').toBe(earned);
  const figures = loanFigures(copy);
  expect(figures.ledger.loan_portfolio).toBe('0.00');
  expect(figures.ledger.interest_receivable).toBe('0.00');
  expect(figures.ledger.fee_receivable).toBe('0.00');
  expect(figures.ledger.penalty_receivable).toBe('0.00');
}

/**
 * Money is conserved: no component of a row has more paid and waived than is due (so none shows a
 * negative balance), and every yuan received is on a row's paid column, in the credit balance, or
 * refunded. Charges, payments, waivers and reversals in any order keep both.
 */
function moneyIsConserved(state: LoanState): void {
  const cents = (v: string) => Math.round(Number(v) * 100);
  let paid = 0;
  for (const row of state.installments) {
    for (const c of ['penalty', 'fee', 'interest', 'principal'] as const) {
      expect(cents(row.paid[c]) + cents(row.waived[c]), `row ${row.number} ${c}`).toBeLessThanOrEqual(cents(row.due[c]));
      paid += cents(row.paid[c]);
    }
  }
  if (state.status === 'written_off' || state.rescheduledOn !== null) return;
  // Re-amortising and shortening the schedule move principal between rows, never create or lose it.
  const column = state.installments.reduce((sum, row) => sum + cents(row.due.principal), 0);
  expect(column, 'principal column').toBe(cents(state.disbursement?.amount ?? '0'));
  const reversed = new Set(state.reversed);
  const received = paymentRecords(state.payments).filter((p) => !reversed.has(p.reference)).reduce((sum, p) => sum + cents(p.amount), 0);
  expect(paid + cents(state.creditBalance) + cents(state.refunded)).toBe(received);
}

function noPaymentPaysALaterPenalty(state: LoanState): void {
  if (state.contract.length === 0) return;
  const replay = replayServicing(state, state.terms?.allocationOrder ?? 'penalty-fee-interest-principal', loanContext(state));
  for (const payment of paymentRecords(state.payments)) {
    const allocation = replay.allocations.get(payment.reference);
    if (!allocation) continue;
    // Penalties baked into the contract by a reschedule were charged before anything it replays.
    const baked = state.contract.reduce((sum, row) => sum + Number(row.due.penalty), 0);
    const officerPenalties = state.charges.filter((c) => c.component === 'penalty' && c.date <= payment.effectiveDate).reduce((sum, c) => sum + Number(c.amount), 0);
    const chargedBy = baked + officerPenalties + state.penalties.filter((p) => p.date <= payment.effectiveDate).reduce((sum, p) => sum + Number(p.amount), 0);
    expect(Number(allocation.totals.penalty)).toBeLessThanOrEqual(chargedBy + 1e-9);
  }
}

describe('servicing properties over random histories', () => {
  it('after every step (payments back-dated or not, each prepayment strategy and override, grace on interest, waivers, officer charges, closes, reschedules, refunds, reversals, write-off, recovery) the ledger equals the loan\'s figures per account, balances, and a payoff closes the loan', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), fc.boolean(), fc.constantFrom('next-installment' as const, 'last-installments' as const, 're-amortise' as const), fc.constantFrom(0, 0, 0, 1, 2), async (steps, penalty, prepaymentStrategy, graceOnInterest) => {
      const terms = servicingTerms({
        writeOffDpd: 30,
        prepaymentStrategy,
        graceOnInterest,
        penalty: penalty ? { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } : null,
      });
      const loan = new ServicedLoan('L1', terms, '3000.00', 3, DISBURSED);
      const ctx = new FakeContext();
      let projected = 0;
      let today = DISBURSED;
      for (const [n, s] of steps.entries()) {
        if (s.op === 'advance') {
          for (let d = 0; d < s.days; d++) {
            today = addDays(today, 1);
            loan.close(today);
          }
        }
        const command = commandFor(s, today, n, loan.state);
        if (command) {
          attempt(loan, command, today);
          if (s.op === 'writeOff' && loan.state.writeOffRequest !== null && loan.state.status !== 'written_off') {
            attempt(loan, { type: 'ApproveWriteOff', data: { approvedBy: 'uw-1', date: today } }, today);
          }
        }
        await project(generalLedgerProjection, loan.log.events.slice(projected), ctx);
        projected = loan.log.events.length;
        const journal = ctx.all<JournalEntry>(LEDGER_JOURNAL);
        expect(journal.every(entryIsBalanced)).toBe(true);
        everyAsOfViewIsReal(journal);
        const trial = buildTrialBalance(journal, '9999-12-31');
        expect(trial.totals.every((t) => t.balanced)).toBe(true);
        const figures = loan.figures();
        for (const account of LEDGER_ACCOUNTS) {
          expect(trial.rows.find((r) => r.account === account)?.balance ?? '0.00', account).toBe(figures.ledger[account]);
        }
        // The running principal kept on the state is the principal the installments still owe.
        const owedPrincipal = loan.state.installments.reduce((sum, row) => sum + Math.round((Number(row.due.principal) - Number(row.paid.principal) - Number(row.waived.principal)) * 100), 0);
        expect(Math.round(Number(loan.state.principalOutstanding) * 100)).toBe(owedPrincipal);
        payoffClosesTheLoan(loan.state, today);
        noPaymentPaysALaterPenalty(loan.state);
        moneyIsConserved(loan.state);
        if (loan.state.status === 'closed') {
          expect(figures.daysPastDue).toBe(0);
          expect(figures.outstanding.total).toBe('0.00');
        }
        // Never overpaid (or closed) while anything is still owed on the schedule.
        if (loan.state.status === 'overpaid' || loan.state.status === 'closed') {
          expect(loan.state.installments.every((row) => row.settled), `${loan.state.status} yet owing`).toBe(true);
        }
        // …and never left open while owing nothing (a waiver or a back-dated fact that settles it closes it).
        if (loan.state.status === 'active' || loan.state.status === 'overdue') {
          expect(figures.outstanding.total !== '0.00' || figures.refundDue !== '0.00', `${loan.state.status} owing nothing`).toBe(true);
        }
      }
    }), { numRuns: Number(process.env.SERVICING_RUNS ?? 400) });
  }, 600_000);

  it('the final state does not depend on the order in which the same dated payments were posted', () => {
    const payment = fc.record({ cents: fc.integer({ min: 1, max: 150_000 }), day: fc.integer({ min: 0, max: 100 }) });
    fc.assert(fc.property(fc.array(payment, { minLength: 1, maxLength: 8 }), fc.infiniteStream(fc.nat()), (payments, seeds) => {
      const posted = payments.map((p, i) => ({ ...p, reference: `p${i}` }));
      const inDateOrder = [...posted].sort((a, b) => a.day - b.day || Number(a.reference.slice(1)) - Number(b.reference.slice(1)));
      const shuffled = [...posted];
      const it = seeds[Symbol.iterator]();
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = (it.next().value as number) % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      const outcome = (order: typeof posted) => {
        const loan = new ServicedLoan();
        for (const p of order) attempt(loan, { type: 'ReceiveRepayment', data: { amount: amount(p.cents), channel: 'online', reference: p.reference, effectiveDate: addDays(DISBURSED, p.day) } }, addDays(DISBURSED, 100));
        return { rows: loan.state.installments.map(({ due, paid, waived, settled }) => ({ due, paid, waived, settled })), credit: loan.state.creditBalance, ledger: loan.figures().ledger };
      };
      // A payment after closing is refused in either order only when it arrives last; compare the
      // orders on histories that never overpay before their last payment.
      const a = outcome(inDateOrder);
      const b = outcome(shuffled);
      if (Number(a.credit) > 0 || Number(b.credit) > 0) return;
      expect(b).toEqual(a);
    }), { numRuns: 300 });
  });
});
