import { describe, expect, it } from 'vitest';
import { loanStateAfter } from '../../../src/app/queries/loan-time-travel.js';
import type { EventStore, ReadStreamOptions, RecordedEvent } from '../../../src/eventstore/port.js';
import { ServicedLoan, servicingTerms } from '../../servicing/serviced-loan.js';

/** The loan's stream as the log holds it, every event recorded at `recordedAt` (an instant), whatever its business time. */
function storeOf(events: RecordedEvent[], recordedAt: (event: RecordedEvent) => string): EventStore {
  const stream = events.map((event) => ({ ...event, recordedAt: recordedAt(event) }));
  const readStream = async (_id: string, options?: ReadStreamOptions) => stream.slice(0, options?.maxCount ?? stream.length);
  return { readStream } as unknown as EventStore;
}

describe('the loan just after its event at a revision (GET /v1/loans/:id/state?revision=N)', () => {
  it('given a disbursement dated 2024-01-15 recorded on 2024-06-01 (Shanghai), when revision 3 (the disbursement) is read, then days past due are aged to 2024-06-01, the business date when it was recorded', async () => {
    // 3 000.00 over 3 months from 2024-01-15: submitted, assessed, approved, disbursed (revisions 0–3), nothing paid.
    const loan = new ServicedLoan('L1');
    const store = storeOf(loan.log.events, () => '2024-06-01T02:00:00.000Z');
    const after = await loanStateAfter(store, 'L1', 3n, 'Asia/Shanghai');
    // By hand: row 1 fell due 2024-02-15 unpaid; 02-15 → 06-01 is 29 (leap February) + 31 + 30 + 31 − 14 = 107 days.
    // No close had judged it, so it shows the standing its first close will record, as its view did (stop 37's auditor
    // test: the timeline read 正常 and active at 63 days past due): 107 days is 次级 (91–180), overdue and non-performing.
    expect(after?.summary).toMatchObject({
      status: 'overdue', flags: ['npa'], classification: 'substandard', daysPastDue: 107, nextDue: { date: '2024-02-15', amount: '1020.07' },
    });
    // Its business time is still the disbursement's; recorded on the day itself it is not past due at all.
    expect(after?.asOf.slice(0, 10)).toBe('2024-01-15');
    const onTheDay = await loanStateAfter(storeOf(loan.log.events, (event) => event.occurredAt), 'L1', 3n, 'Asia/Shanghai');
    expect(onTheDay?.summary).toMatchObject({ daysPastDue: 0, status: 'active', flags: [], classification: 'normal' });
  });

  it('once a close has judged the loan, shows the standing that close recorded', async () => {
    const loan = new ServicedLoan('L1');
    // The close of 02-20 finds row 1 (due 02-15) unpaid: 5 days past due, 关注 and overdue, recorded.
    loan.close('2024-02-20');
    const events = loan.log.events;
    const last = BigInt(events.length - 1);
    const after = await loanStateAfter(storeOf(events, () => '2024-02-20T02:00:00.000Z'), 'L1', last, 'Asia/Shanghai');
    expect(after?.summary).toMatchObject({ status: 'overdue', classification: 'special-mention', daysPastDue: 5 });
  });

  it('the recording instant is read in the lender\'s time zone: 2024-05-31T17:00Z is already 2024-06-01 in Shanghai', async () => {
    const loan = new ServicedLoan('L1');
    const after = await loanStateAfter(storeOf(loan.log.events, () => '2024-05-31T17:00:00.000Z'), 'L1', 3n, 'Asia/Shanghai');
    expect(after?.summary.daysPastDue).toBe(107);
    const utc = await loanStateAfter(storeOf(loan.log.events, () => '2024-05-31T17:00:00.000Z'), 'L1', 3n, 'UTC');
    expect(utc?.summary.daysPastDue).toBe(106);
  });

  it('shows the penalties a payment that business date found owed, which no close had charged yet, as the loan\'s view and payoff then did (QA 11 S9: it showed the recorded ones only, none)', async () => {
    // 3 000.00 over 3 months from 2024-01-15, a fixed 50.00 penalty per row still unpaid 3 days after its due date;
    // disbursed and recorded on 2024-06-01 with no close since: rows due 02-15, 03-15 and 04-15 are past their grace.
    const loan = new ServicedLoan('L1', servicingTerms({ penalty: { type: 'fixed', value: '50.00', cap: null, graceDays: 3 } }));
    const after = await loanStateAfter(storeOf(loan.log.events, () => '2024-06-01T02:00:00.000Z'), 'L1', 3n, 'Asia/Shanghai');
    // By hand: three rows × 50.00; the first row's 1 020.07 and its 50.00 are the next due; the payoff on 06-01 counts them.
    expect(after?.summary.outstanding.penalties).toBe('150.00');
    expect(after?.summary.nextDue).toEqual({ date: '2024-02-15', amount: '1070.07' });
    expect(after?.summary.outstanding.penalties).toBe(loan.payoff('2024-06-01').penalties);
    expect(after?.schedule.rows.map((row) => row.penalty)).toEqual(['50.00', '50.00', '50.00']);
    // Recorded on the disbursement's day, nothing was owed yet.
    const onTheDay = await loanStateAfter(storeOf(loan.log.events, (event) => event.occurredAt), 'L1', 3n, 'Asia/Shanghai');
    expect(onTheDay?.summary.outstanding.penalties).toBe('0.00');
  });

  it('given a close on 2024-02-20 that judged the loan and book closes through 02-24 that had nothing to record for it, when a part payment recorded on 02-25 is read, then days past due count to the book\'s last close then, 02-24, as the loan view did (qa-audit: it counted to the recording date, one day more than the view)', async () => {
    const loan = new ServicedLoan('L1');
    // Row 1 (1 020.07, due 02-15) unpaid: the close of 02-20 marks it overdue, 5 days past due, 关注.
    loan.close('2024-02-20');
    // The closes of 02-21 … 02-24 find nothing new to record for it; on business date 02-25 an officer records 10.00.
    loan.repay('10.00', 'P1', '2024-02-25');
    const events = loan.log.events;
    const last = BigInt(events.length - 1);
    const recordedAt = (event: RecordedEvent) => (event.revision === last ? '2024-02-25T02:00:00.000Z' : event.occurredAt);
    // What the loan view showed after the payment: aged to the last close, 02-24 (toLoanSummaryView, closedThrough):
    // 02-15 → 02-24 is 9 days, 关注, overdue; 1 010.07 left on row 1.
    const bookClosedBy = async (instant: string) => (instant >= '2024-02-25T00:00:00.000Z' ? '2024-02-24' : '2024-02-20');
    const after = await loanStateAfter(storeOf(events, recordedAt), 'L1', last, 'Asia/Shanghai', bookClosedBy);
    expect(after?.summary).toMatchObject({
      status: 'overdue', classification: 'special-mention', daysPastDue: 9, nextDue: { date: '2024-02-15', amount: '1010.07' },
    });
    // Not knowing the book's closes, the loan's own last close (02-20) is the date counted to: never the recording date.
    const ownClose = await loanStateAfter(storeOf(events, recordedAt), 'L1', last, 'Asia/Shanghai');
    expect(ownClose?.summary.daysPastDue).toBe(5);
  });
});
