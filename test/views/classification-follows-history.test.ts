import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { classify, isNonPerforming } from '../../src/domain/loan/classification.js';
import { daysPastDue } from '../../src/domain/loan/delinquency.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import { stateAsOf } from '../../src/domain/loan/state-as-of.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';
import { runHistory } from '../servicing/run-history.js';
import { attempt, DISBURSED, step } from '../servicing/servicing-history.js';

/**
 * The class the one rule gives: classify(the days past due the loan shows), counted to the last close on
 * the loan's facts as they stand, a fact dated after that close (a payment between closes) included: the
 * class follows it at once, in both directions (QA 11 S1), dated that fact's date (never before it, QA 8 N7).
 */
function expectedClass(state: LoanState, lastClose: string) {
  const closed = state.lastEodDate !== null && state.lastEodDate > lastClose ? state.lastEodDate : lastClose;
  return classify(daysPastDue(state.installments, state.firstUnsettled, closed, state.charges, state.currency));
}

function classFollowsHistory(loan: ServicedLoan, lastClose: string, what: string): void {
  const state = loan.state;
  if (state.status === 'active' || state.status === 'overdue') {
    expect(state.classification, `${what}: class as of the last close ${lastClose}`).toBe(expectedClass(state, lastClose));
    // Overdue when a row is past due as of the last close, as the close would have left it (on the facts dated by
    // then), and still is; active when none is now (a payment since cures at once). A row late only through a fact
    // dated after the close (a charge applied today on a row due before) is judged by the next close.
    const closed = state.lastEodDate !== null && state.lastEodDate > lastClose ? state.lastEodDate : lastClose;
    const asOf = stateAsOf(state, closed);
    const lateNow = daysPastDue(state.installments, state.firstUnsettled, closed, state.charges, state.currency) > 0;
    const lateThen = daysPastDue(asOf.installments, asOf.firstUnsettled, closed, asOf.charges, asOf.currency) > 0;
    if (!lateNow || lateThen) expect(state.status, `${what}: status as of the last close ${closed}`).toBe(lateNow ? 'overdue' : 'active');
  } else if (state.status === 'closed' || state.status === 'overpaid') {
    expect(state.classification, `${what}: owes nothing`).toBe('normal');
  }
  expect(state.flags.includes('npa'), `${what}: NPA flag follows the class`).toBe(isNonPerforming(state.classification));
}

describe('a loan\'s class follows its history, not only the close', () => {
  it('after every command and close of any history (reversals, back-dated repayments, waivers, charges, reschedules, refunds, write-off, recovery), an open loan\'s class is classify(days past due as of the last close), and a command that moved it says so in its own append (random histories)', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), fc.constantFrom(null, 'fixed' as const, 'percent' as const), (steps, penalty) => {
      const loan = new ServicedLoan('L1', servicingTerms({
        writeOffDpd: 30,
        penalty: penalty === null ? null : penalty === 'fixed' ? { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } : { type: 'percent', value: '5', cap: '60.00', graceDays: 2 },
      }), '3000.00', 3, DISBURSED);
      // Commands are recorded on business date `today`, after the close of the day before (a payment
      // dated today is recorded before tonight's close, which may then charge its row's late penalty).
      loan.context = { lastClose: null };
      runHistory(loan, steps, {
        nights: 'each-day-left',
        onClose: (date) => classFollowsHistory(loan, date, `close of ${date}`),
        record: (command, today) => {
          if (!attempt(loan, command, today)) return false;
          if (command.type === 'RequestWriteOff' && loan.state.writeOffRequest !== null && loan.state.status !== 'written_off') {
            attempt(loan, { type: 'ApproveWriteOff', data: { approvedBy: 'uw-1', date: loan.state.writeOffRequest.date } }, today);
          }
          return true;
        },
        onStep: ({ command, recorded, events, today }) => {
          const lastClose = loan.context.lastClose;
          if (!command || !recorded || lastClose === null || lastClose === undefined) return;
          classFollowsHistory(loan, lastClose, command.type);
          for (const event of events.filter((e) => e.type === 'LoanClassified')) {
            const data = event.data as Extract<LoanEvent, { type: 'LoanClassified' }>['data'];
            expect(data.reason, 'a command reclassifying names the event that moved the class').toBeDefined();
            // Dated the last close, or, moved by a fact dated after it, that fact's date (today at the latest).
            const closed = lastClose > (loan.state.lastEodDate ?? '') ? lastClose : loan.state.lastEodDate ?? lastClose;
            expect(data.date >= closed && data.date <= today, `dated ${data.date}: the last close ${closed} or a fact after it, by ${today}`).toBe(true);
          }
        },
      });
    }), { numRuns: Number(process.env.VIEWS_RUNS ?? 300) });
  }, 600_000);

  /** 3 000.00 over 6 months at 12 %, next-installment: p1 pays rows 1–3 ahead on 01-20; closed every night through `closedThrough`. */
  function paidAhead(closedThrough: string): ServicedLoan {
    const loan = new ServicedLoan('Q7', servicingTerms({ writeOffDpd: 90, prepaymentStrategy: 'next-installment' }), '3000.00', 6, DISBURSED);
    loan.repay('1600.00', 'p1', '2024-01-20');
    let today = DISBURSED;
    while (today < closedThrough) loan.close((today = addDays(today, 1)));
    loan.context = { lastClose: closedThrough };
    return loan;
  }
  const reverse = (date: string) => ({ type: 'ReverseRepayment' as const, data: { reference: 'p1', reason: 'bounced', effectiveDate: date, reversedBy: 'officer-1' } });

  it('QA6 #7 / QA5 #8: reversing the payment that paid rows 1–3 ahead, the day after the close of 05-15, makes row 1 (due 02-15) 90 days past due as of that close: the loan is 关注 at once, in the reversal\'s own append, not 正常 until the next close', () => {
    const loan = paidAhead('2024-05-15');
    expect(loan.state.classification).toBe('normal');
    const events = loan.run(reverse('2024-05-16'), '2024-05-16');
    expect(events).toEqual([
      expect.objectContaining({ type: 'RepaymentReversed' }),
      // What the closes would have recorded had p1 never been paid: rows 1–3 fell due unpaid.
      ...[1, 2, 3].map((number) => ({ type: 'InstallmentOverdue', data: expect.objectContaining({ number, date: '2024-05-15' }) })),
      { type: 'LoanClassified', data: { from: 'normal', to: 'special-mention', dpd: 90, date: '2024-05-15', reason: 'RepaymentReversed' } },
    ]);
    expect(loan.figures('2024-05-15').daysPastDue).toBe(90);
    expect(loan.state).toMatchObject({ status: 'overdue', classification: 'special-mention', daysPastDue: 90, flags: [] });
    // The next close moves it on by the same rule: 91 days as of 05-16 is 次级, non-performing.
    loan.close('2024-05-16');
    expect(loan.state).toMatchObject({ classification: 'substandard', daysPastDue: 91, flags: ['npa'] });
  });

  it('a day later (91 days as of the close of 05-16) the same reversal makes the loan 次级 and non-performing at once; paying it all back makes it 正常 again in the payment\'s own append', () => {
    const loan = paidAhead('2024-05-16');
    const events = loan.run(reverse('2024-05-17'), '2024-05-17');
    // Row 4 (due 05-15, part paid) made it 关注 at the close of 05-16.
    expect(events.at(-1)).toEqual({ type: 'LoanClassified', data: { from: 'special-mention', to: 'substandard', dpd: 91, date: '2024-05-16', reason: 'RepaymentReversed' } });
    expect(loan.state.flags).toContain('npa');
    // Back-dated to before row 1 fell due, a payment of rows 1–4 cures it: nothing is past due as of the last close.
    const cure = loan.run({ type: 'ReceiveRepayment', data: { amount: '2100.00', channel: 'online', reference: 'p2', effectiveDate: '2024-02-01' } }, '2024-05-17');
    expect(cure.at(-1)).toEqual({ type: 'LoanClassified', data: { from: 'substandard', to: 'normal', dpd: 0, date: '2024-05-16', reason: 'RepaymentReceived' } });
    expect(loan.state).toMatchObject({ classification: 'normal', flags: [] });
  });

  it('a payment on the first day after the grace pays the penalty owed that day first (QA 9 Q5): row 1\'s total paid on 02-18 leaves 25.00 of it owed, so the loan stays 关注 and the close of 02-18 finds it 3 days past due (the payment dated 02-18 moves no class as of 02-17: QA 8 N7)', () => {
    const loan = new ServicedLoan('P3', servicingTerms({ penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }), '3000.00', 3, DISBURSED);
    let today = DISBURSED;
    while (today < '2024-02-17') loan.close((today = addDays(today, 1)));
    loan.context = { lastClose: '2024-02-17' };
    expect(loan.state.classification).toBe('special-mention');
    // Row 1 (1 020.07, due 02-15) unpaid at the end of its grace (02-17): its 25.00 is owed from 02-18, and a payment that day pays it first.
    const paid = loan.repay('1020.07', 'p1', '2024-02-18');
    expect(paid[0]).toEqual({ type: 'PenaltyCharged', data: { number: 1, amount: '25.00', date: '2024-02-18', reason: 'RepaymentReceived', lastClose: '2024-02-17' } });
    expect(paid.filter((e) => e.type === 'LoanClassified')).toEqual([]);
    expect(loan.state.installments[0]?.paid).toMatchObject({ penalty: '25.00', interest: '30.00', principal: '965.07' });
    // The close has nothing left to charge or move: 3 days past due as of 02-18 is still 关注.
    expect(loan.close('2024-02-18')).toEqual([]);
    expect(loan.figures('2024-02-18').daysPastDue).toBe(3);
    expect(loan.state.classification).toBe('special-mention');
  });

  it('a back-dated payment that leaves a row a close marked overdue open again makes the loan overdue at once (the random history that found it)', () => {
    // 3 000.00 over 3 months: 42.16 on 01-15; closes through 02-16 mark row 1 (due 02-15) overdue; 1 274.20 dated
    // 02-14 pays it (cured, normal); 1 683.64 dated 02-13 is then replayed first and, with the later one, pays all
    // 3 000.00 of principal (a short payoff pays principal first, QA 8 N9) and leaves row 1's interest (28.37) owed.
    const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 30, penalty: null }), '3000.00', 3, DISBURSED);
    loan.repay('42.16', 'p0', DISBURSED);
    let today = DISBURSED;
    for (; today <= '2024-02-16'; today = addDays(today, 1)) loan.close(today);
    loan.context = { lastClose: '2024-02-16' };
    loan.repay('1274.20', 'p2', '2024-02-14');
    expect(loan.state).toMatchObject({ status: 'active', classification: 'normal' });
    loan.repay('1683.64', 'p3', '2024-02-13');
    expect(loan.state.installments[0]).toMatchObject({ settled: false, overdueSince: '2024-02-16', due: { interest: '28.37' }, paid: { interest: '0.00', principal: '990.07' } });
    expect(loan.state).toMatchObject({ status: 'overdue', classification: 'special-mention', principalOutstanding: '0.00' });
  });

  it('a reversal leaves the loan overdue while any open row a close marked is unpaid, also behind an older row a charge reopened (the random history that found it)', () => {
    // 3 000.00 over 3 months: 1 010.17 on 01-15 pays row 1 (due 02-15); closes through 03-16 mark row 2 (due 03-15)
    // overdue. On 03-17 a 0.01 document fee due 02-15 reopens row 1 (unmarked: no close saw it late), 0.01 pays it,
    // and that payment is reversed: row 1 owes the fee again, and row 2 is still past due and marked.
    const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 30, penalty: null }), '3000.00', 3, DISBURSED);
    loan.repay('1010.17', 'p0', DISBURSED);
    for (let today = addDays(DISBURSED, 1); today <= '2024-03-16'; today = addDays(today, 1)) loan.close(today);
    loan.context = { lastClose: '2024-03-16' };
    loan.run({ type: 'ApplyCharge', data: { kind: 'document-fee', amount: '0.01', dueDate: '2024-02-15', reason: 'test', date: '2024-03-17', appliedBy: 'officer-1' } }, '2024-03-17');
    loan.repay('0.01', 'p4', '2024-03-17');
    loan.run({ type: 'ReverseRepayment', data: { reference: 'p4', reason: 'bounced', effectiveDate: '2024-03-17', reversedBy: 'officer-1' } }, '2024-03-17');
    expect(loan.state.installments.map((i) => [i.settled, i.overdueSince])).toEqual([[false, null], [false, '2024-03-16'], [false, null]]);
    expect(loan.state).toMatchObject({ status: 'overdue', classification: 'special-mention' });
  });

  it('without a last close (no close has run), a command leaves the class to the first close', () => {
    const loan = paidAhead('2024-05-15');
    loan.context = {};
    expect(loan.run(reverse('2024-05-16'), '2024-05-16').map((e) => e.type)).toEqual(['RepaymentReversed']);
  });
});

describe('days past due are counted to the last close: the loan view, the class and the write-off threshold', () => {
  it('a write-off needing 90 days, dated 05-15, is refused before that day\'s close: the last close (05-14) counts 89, the number the view shows; after the close of 05-15 it is accepted', () => {
    const loan = new ServicedLoan('W90', servicingTerms({ writeOffDpd: 90 }), '3000.00', 6, DISBURSED);
    let today = DISBURSED;
    while (today < '2024-05-14') loan.close((today = addDays(today, 1)));
    // Row 1 fell due on 02-15: 89 days as of 05-14's close, 90 as of 05-15's.
    loan.context = { lastClose: '2024-05-14' };
    const request = { type: 'RequestWriteOff' as const, data: { requestedBy: 'officer-1', reason: 'uncollectable', date: '2024-05-15' } };
    expect(() => loan.run(request, '2024-05-15')).toThrow(expect.objectContaining({ code: 'WRITE_OFF_DPD_TOO_LOW', details: expect.objectContaining({ dpd: 89, asOf: '2024-05-14' }) }));
    expect(loan.figures('2024-05-14').daysPastDue).toBe(89);
    loan.close('2024-05-15');
    loan.context = { lastClose: '2024-05-15' };
    expect(loan.run(request, '2024-05-15').map((e) => e.type)).toEqual(['LoanWriteOffRequested']);
    // A write-off dated before the last close counts to its own date.
    const early = new ServicedLoan('W89', servicingTerms({ writeOffDpd: 90 }), '3000.00', 6, DISBURSED);
    today = DISBURSED;
    while (today < '2024-05-20') early.close((today = addDays(today, 1)));
    early.context = { lastClose: '2024-05-20' };
    expect(() => early.run({ ...request, data: { ...request.data, date: '2024-05-14' } }, '2024-05-20')).toThrow(expect.objectContaining({ details: expect.objectContaining({ dpd: 89, asOf: '2024-05-14' }) }));
  });
});

describe('a back-dated payment leaving a marked row owing only a charge applied after its due date leaves the loan overdue as of the last close', () => {
  it('seedhunt13 F4 (seed 1361712996): 3 000.00 from 2024-01-15, row 1 due 02-15 unpaid and marked on 02-16, a 0.01 document fee (due 02-15) applied on 02-16, closed through 02-17; then 1 018.47 dated 02-10 pays row 1 but the fee: the loan is 1 day past due as of 02-17, 关注 and overdue, and the payment says so (before: active while 关注)', () => {
    const loan = new ServicedLoan('F4', servicingTerms());
    const close = (date: string) => {
      loan.close(date);
      loan.context = { lastClose: date };
    };
    for (let day = '2024-01-15'; day <= '2024-02-15'; day = addDays(day, 1)) close(day);
    close('2024-02-16');
    loan.run({ type: 'ApplyCharge', data: { kind: 'document-fee', amount: '0.01', dueDate: '2024-02-15', reason: 'courier', date: '2024-02-16', appliedBy: 'officer-1' } }, '2024-02-16');
    close('2024-02-17');
    const events = loan.run({ type: 'ReceiveRepayment', data: { amount: '1018.47', channel: 'online', reference: 'p1', effectiveDate: '2024-02-10' } }, '2024-02-17');
    expect(events.find((e) => e.type === 'InstallmentOverdue')?.data).toMatchObject({ number: 1, amountDue: '0.01', date: '2024-02-17', reason: 'RepaymentReceived' });
    expect([loan.state.status, loan.state.classification]).toEqual(['overdue', 'special-mention']);
    // Still overdue after another fact (the status is read again from the rows).
    loan.run({ type: 'ApplyCharge', data: { kind: 'document-fee', amount: '1.00', dueDate: '2024-03-15', reason: 'copy', date: '2024-02-17', appliedBy: 'officer-1' } }, '2024-02-17');
    expect(loan.state.status).toBe('overdue');
  });
});
