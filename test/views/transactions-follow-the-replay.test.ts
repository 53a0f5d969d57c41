import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loanTransactions, type LoanTransaction } from '../../src/app/queries/loan-transactions.js';
import { addDays } from '../../src/domain/calendar.js';
import { loanDecider } from '../../src/domain/loan/decider.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import { cutBackTo } from '../../src/domain/loan/evolve.js';
import { loanContext, payoffQuote } from '../../src/domain/loan/payoff.js';
import { replayServicing, type Replay } from '../../src/domain/loan/servicing-replay.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import { minorOf } from '../../src/domain/money.js';
import type { RecordedEvent } from '../../src/eventstore/port.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';
import { runHistory } from '../servicing/run-history.js';
import { attempt, DISBURSED, step } from '../servicing/servicing-history.js';

const transactions = (loan: ServicedLoan) => loanTransactions({ customerId: 'C1', events: loan.log.events });
const cents = (v: string) => minorOf(v, 2);
const sum = (values: string[]) => values.reduce((total, v) => total + cents(v), 0n);
const of = <T extends LoanTransaction['type']>(txs: LoanTransaction[], type: T) => txs.filter((tx): tx is Extract<LoanTransaction, { type: T }> => tx.type === type);

/**
 * What the one servicing replay applied for every fact, written out apart from the code under
 * test: the log folded up to each reschedule (the replay there is how that reschedule settled the
 * facts before it) and to its end (how the rest stand now). Facts are keyed by their fact sequence,
 * the count of events folded with them (revision + 1 on a one-loan log).
 */
function replaysOf(events: readonly RecordedEvent[]): { replays: Replay[]; final: LoanState } {
  let state = loanDecider.initialState();
  const replays: Replay[] = [];
  const replay = () => {
    if (state.terms && state.contract.length > 0) replays.push(replayServicing(state, state.terms.allocationOrder, loanContext(state)));
  };
  for (const event of events) {
    if (event.type === 'LoanRescheduled') replay();
    state = loanDecider.evolve(state, { type: event.type, data: event.data } as LoanEvent);
  }
  replay();
  return { replays, final: state };
}

/** Each listed fact is shown as the replay applied it; its parts sum to its amount. */
function shownAsApplied(loan: ServicedLoan, txs: LoanTransaction[]): void {
  const { replays, final } = replaysOf(loan.log.events);
  const sequence = (tx: LoanTransaction) => Number(tx.revision) + 1;
  const find = <V>(pick: (r: Replay) => Map<number | string, V>, key: number | string): V | undefined => {
    for (const r of replays) if (pick(r).has(key)) return pick(r).get(key);
    return undefined;
  };
  for (const tx of txs) {
    switch (tx.type) {
      case 'disbursement':
        expect(sum([tx.netAmount, ...tx.fees.map((f) => f.amount)]), 'disbursement = net + fees').toBe(cents(tx.amount));
        break;
      case 'repayment': {
        const { allocation } = tx;
        expect(sum([allocation.penalty, allocation.fee, allocation.interest, allocation.principal, allocation.excess]), `${tx.reference} parts`).toBe(cents(tx.amount));
        for (const part of ['penalty', 'fee', 'interest', 'principal'] as const) {
          expect(sum(allocation.installments.map((row) => row[part])), `${tx.reference} ${part} by row`).toBe(cents(allocation[part]));
        }
        if (tx.reversed) break;
        const applied = find((r) => r.allocations as Map<number | string, Replay['allocations'] extends Map<string, infer V> ? V : never>, tx.reference);
        expect(applied, `${tx.reference} replayed`).toBeDefined();
        expect({ ...allocation }, `${tx.reference} split as replayed`).toEqual({ ...applied?.totals, installments: applied?.installments });
        break;
      }
      case 'waiver': {
        const waived = find((r) => r.waived as Map<number | string, bigint>, sequence(tx));
        expect(cents(tx.amount), `waiver ${tx.revision}`).toBe(waived ?? cents(tx.recordedAmount ?? tx.amount));
        break;
      }
      case 'penalty': {
        const charged = find((r) => r.penaltiesCharged as Map<number | string, string>, sequence(tx));
        expect(tx.voided, `penalty ${tx.revision} stands iff replayed as charged`).toBe(charged === undefined);
        if (charged !== undefined) expect(tx.amount, `penalty ${tx.revision}`).toBe(charged);
        break;
      }
      case 'charge': {
        const applied = find((r) => r.charged as Map<number | string, { row: number; amount: string }>, sequence(tx));
        expect(tx.amount, `charge ${tx.revision}`).toBe(applied?.amount ?? '0.00');
        if (applied !== undefined) expect(tx.installment).toBe(applied.row);
        break;
      }
      case 'write-off': {
        const w = tx.writtenOff;
        expect(sum([w.principal, w.interest, w.fees, w.penalties, w.refundDue]), 'write-off parts').toBe(cents(tx.amount));
        // The claim is what the borrower owed on its date as the facts now stand: the payoff quote of the loan cut back to that day.
        const open: LoanState = structuredClone({ ...final, status: 'overdue', writtenOff: null });
        cutBackTo(open, tx.date);
        expect(tx.amount, 'write-off = payoff quote at its date').toBe(payoffQuote(open, tx.date).total);
        break;
      }
      case 'reversal': case 'refund': case 'recovery':
        break;
    }
  }
}

/** The list, summed by kind, reconciles with the loan's figures and the ledger. */
async function reconciles(loan: ServicedLoan, txs: LoanTransaction[]): Promise<void> {
  const state = loan.state;
  const figures = loan.figures();
  const { balances } = await loan.ledger();
  const standing = of(txs, 'repayment').filter((tx) => !tx.reversed);
  const [disbursement] = of(txs, 'disbursement');
  const [writeOff] = of(txs, 'write-off');
  // Cash: repayments that stand and recoveries in, the net disbursement and refunds out.
  const cash = sum(standing.map((tx) => tx.amount)) + sum(of(txs, 'recovery').map((tx) => tx.amount)) - cents(disbursement?.netAmount ?? '0') - sum(of(txs, 'refund').map((tx) => tx.amount));
  expect(cash, 'cash').toBe(cents(balances.fund_source));
  expect(sum(of(txs, 'reversal').map((tx) => tx.amount)), 'reversals = reversed repayments').toBe(sum(of(txs, 'repayment').filter((tx) => tx.reversed).map((tx) => tx.amount)));
  expect(-sum(of(txs, 'recovery').map((tx) => tx.amount)), 'recovery income').toBe(cents(balances.recovery_income));
  // Principal lent (with interest a reschedule capitalised) = principal repaid + principal still owed or written off.
  const principalLeft = writeOff ? cents(writeOff.writtenOff.principal) : cents(figures.outstanding.principal);
  expect(sum(standing.map((tx) => tx.allocation.principal)) + principalLeft, 'principal').toBe(cents(disbursement?.amount ?? '0') + cents(state.capitalizedInterest));
  if (writeOff) expect(cents(writeOff.writtenOff.principal), 'principal written off = the loss booked on it').toBe(cents(state.writtenOff?.principal ?? '0'));
  // Penalties that stand and officers' penalty charges, less penalty waivers: the journal's penalty income.
  const penalties = sum(of(txs, 'penalty').filter((tx) => !tx.voided).map((tx) => tx.amount)) + sum(of(txs, 'charge').filter((tx) => tx.component === 'penalty').map((tx) => tx.amount));
  const penaltyWaivers = sum(of(txs, 'waiver').filter((tx) => tx.kind === 'penalty').map((tx) => tx.amount));
  // A non-performing loan books none of the penalties it still owes (figures.ts penaltiesBooked: income only as cash
  // pays them; npa-penalties-not-income.property.test.ts); a write-off notes those it never booked.
  const unbooked = state.writtenOff ? cents(state.writtenOff.notBooked.penalties) : cents(figures.outstanding.penalties) - cents(balances.penalty_receivable);
  expect(penalties - penaltyWaivers - unbooked, 'penalty income').toBe(-cents(balances.penalty_income));
  if (state.rescheduledOn !== null) return;
  // Without a reschedule the rows are the contract as disbursed: each column is what the listed facts put there.
  const column = (pick: (row: LoanState['installments'][number]) => string) => sum(state.installments.map(pick));
  expect(sum(standing.map((tx) => tx.allocation.interest)), 'interest paid').toBe(column((row) => row.paid.interest));
  for (const kind of ['penalty', 'fee', 'interest'] as const) {
    expect(sum(of(txs, 'waiver').filter((tx) => tx.kind === kind).map((tx) => tx.amount)), `${kind} waived`).toBe(column((row) => row.waived[kind]));
  }
  expect(sum(of(txs, 'charge').filter((tx) => tx.component === 'fee').map((tx) => tx.amount)), 'fees charged').toBe(column((row) => row.due.fee) - sum(state.contract.map((row) => row.due.fee)));
}

describe('GET /loans/{id}/transactions shows every fact as the servicing replay applies it', () => {
  it('whatever the history (payments back-dated or not, waivers, officer charges, closes, reschedules, refunds, reversals, write-off, recovery), each fact is shown as the replay applied it, its parts sum to its amount, and the list reconciles with the figures and the ledger (random histories)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 24 }), fc.constantFrom(null, 'fixed' as const, 'percent' as const), fc.constantFrom('next-installment' as const, 'last-installments' as const), async (steps, penalty, prepaymentStrategy) => {
      const loan = new ServicedLoan('L1', servicingTerms({
        writeOffDpd: 30, prepaymentStrategy,
        penalty: penalty === null ? null : penalty === 'fixed' ? { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } : { type: 'percent', value: '5', cap: '60.00', graceDays: 2 },
      }), '3000.00', 3, DISBURSED);
      runHistory(loan, steps, {
        onStep: ({ step: s, today }) => {
          if (s.op === 'writeOff' && loan.state.writeOffRequest !== null && loan.state.status !== 'written_off') {
            attempt(loan, { type: 'ApproveWriteOff', data: { approvedBy: 'uw-1', date: loan.state.writeOffRequest.date } }, today);
          }
        },
      });
      const txs = transactions(loan);
      shownAsApplied(loan, txs);
      await reconciles(loan, txs);
    }), { numRuns: Number(process.env.VIEWS_RUNS ?? 250) });
  }, 600_000);

  const reverse = (reference: string, date: string) => ({ type: 'ReverseRepayment' as const, data: { reference, reason: 'bounced', effectiveDate: date, reversedBy: 'officer-1' } });

  /** 3 000.00 over 3 months at 12 %, past due from 02-15, written off on 04-01 (48 days past due). */
  function writtenOff(withPayment: boolean): ServicedLoan {
    const loan = new ServicedLoan('W1', servicingTerms({ writeOffDpd: 30 }));
    if (withPayment) loan.repay('500.00', 'p1', '2024-01-20');
    let today = DISBURSED;
    while (today < '2024-04-01') loan.close((today = addDays(today, 1)));
    loan.run({ type: 'RequestWriteOff', data: { requestedBy: 'officer-1', reason: 'uncollectable', date: '2024-04-01' } }, '2024-04-01');
    loan.run({ type: 'ApproveWriteOff', data: { approvedBy: 'uw-1', date: '2024-04-01' } }, '2024-04-01');
    return loan;
  }

  it('QA6 #5: a repayment reversed on a written-off loan makes the write-off claim grow, and the list shows the grown claim, 3 055.64 (what the loan owed that day had the payment never been made), recorded 2 551.66', async () => {
    const loan = writtenOff(true);
    const [before] = of(transactions(loan), 'write-off');
    expect(before).toMatchObject({ amount: '2551.66' });
    expect(before).not.toHaveProperty('recordedAmount');
    loan.run(reverse('p1', '2024-04-02'), '2024-04-02');
    const [after] = of(transactions(loan), 'write-off');
    // The right value: what the same loan owed that day had the payment never been made.
    const [never] = of(transactions(writtenOff(false)), 'write-off');
    expect(after).toMatchObject({ amount: never?.amount, writtenOff: never?.writtenOff, recordedAmount: '2551.66' });
    // 3 000.00 principal and 55.64 interest to 04-01 (0.33 of it never accrued: the loan went NPA).
    expect(after).toMatchObject({ amount: '3055.64', writtenOff: { principal: '3000.00', interest: '55.64', fees: '0.00', penalties: '0.00', refundDue: '0.00' } });
    expect(after?.amount).toBe(loan.state.writtenOff?.claim);
    const { balances } = await loan.ledger();
    expect(balances.losses_written_off).toBe(loan.state.writtenOff?.total);
  });

  /** 3 000.00 over 3 months at 12 %: p2 pays row 1 on its due date, rescheduled on 03-01 to 4 months at 6 %. */
  function rescheduled(withBounced: boolean): ServicedLoan {
    const loan = new ServicedLoan('R1');
    if (withBounced) loan.repay('600.00', 'p1', '2024-01-25');
    loan.repay('1020.07', 'p2', '2024-02-15');
    if (withBounced) loan.run(reverse('p1', '2024-02-20'), '2024-02-20');
    loan.run({ type: 'Reschedule', data: { reason: 'hardship', effectiveDate: '2024-03-01', term: 4, annualRate: '6' } }, '2024-03-01');
    return loan;
  }

  it('QA6 #6: after a reversal and then a reschedule, a repayment is shown with the split the reschedule settled (row 1 in full), not its stale recorded one', () => {
    const loan = rescheduled(true);
    const p2 = of(transactions(loan), 'repayment').find((tx) => tx.reference === 'p2');
    // The right value: the split of the same payment had the bounced one never been made.
    const never = of(transactions(rescheduled(false)), 'repayment').find((tx) => tx.reference === 'p2');
    expect(p2?.allocation).toEqual(never?.allocation);
    expect(p2?.allocation).toMatchObject({ interest: '30.00', principal: '990.07', excess: '0.00' });
    // Recorded while p1 (600.00, paid ahead) stood, it paid the rest of row 1 and part of row 2.
    expect(p2?.recordedAllocation).toBeDefined();
    expect(p2?.recordedAllocation).not.toEqual(p2?.allocation);
  });
});
