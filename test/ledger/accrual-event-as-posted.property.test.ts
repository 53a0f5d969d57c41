import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, endOfMonth } from '../../src/domain/calendar.js';
import { Dec, type Decimal } from '../../src/domain/decimal.js';
import { amount, attempt, commandFor, DISBURSED, step, type Step } from '../servicing/servicing-history.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

const terms = (type: 'fixed' | 'percent' | null, graceDays: number) => servicingTerms({
  writeOffDpd: 400,
  penalty: type === null ? null : type === 'fixed' ? { type, value: '25.00', cap: null, graceDays } : { type, value: '5', cap: '60.00', graceDays },
});

/** Histories of payments (back-dated or not), waivers, charges, reversals, refunds and reschedules; no write-off (nothing accrues after it). */
const historyStep = step.filter((s): s is Exclude<Step, { op: 'writeOff' | 'recover' }> => s.op !== 'writeOff' && s.op !== 'recover');

/**
 * A row paid around its due date, a later payment, then the first reversed (or a payment back-dated)
 * some days on: the next close finds the row was unpaid at the end of its grace and charges its
 * penalty, dated back, which the later payment now pays first; on a month-end or due date that
 * close also accrues. Random steps follow.
 */
const lateByHistory = fc.record({
  first: fc.integer({ min: 20, max: 36 }), firstCents: fc.integer({ min: 50_000, max: 110_000 }),
  gap: fc.integer({ min: 1, max: 20 }), secondCents: fc.integer({ min: 1_000, max: 200_000 }), then: fc.integer({ min: 0, max: 30 }), onAccrualDay: fc.boolean(),
  change: fc.constantFrom('reverse' as const, 'reverse' as const, 'back-dated' as const), nightly: fc.boolean(), rest: fc.array(historyStep, { maxLength: 12 }),
});

describe('an accrual event says what the ledger books for it', () => {
  it('over random histories closed nightly or caught up later (payments back-dated, reversed, waivers and charges, penalties a close charges back-dated): each InterestAccrued amount is the interest income the general ledger books for that event on its night (random histories)', async () => {
    let accruals = 0;
    await fc.assert(fc.asyncProperty(
      lateByHistory, fc.constantFrom(null, 'fixed' as const, 'percent' as const), fc.integer({ min: 0, max: 4 }),
      async (h, type, grace) => {
        const loan = new ServicedLoan('AC', terms(type, grace));
        let closedThrough = DISBURSED;
        // Every night closed before the business date moves on (the nightly run), or only at the end (a catch-up over
        // missed nights, facts dated after them already recorded).
        const closeBefore = (today: string, last = false) => {
          if (!h.nightly && !last) return;
          for (; closedThrough < today; closedThrough = addDays(closedThrough, 1)) {
            loan.close(closedThrough);
            loan.context = { lastClose: closedThrough };
          }
        };
        let today = addDays(DISBURSED, h.first);
        closeBefore(today);
        if (h.change === 'reverse') loan.repay(amount(h.firstCents), 'p1', today);
        today = addDays(today, h.gap);
        closeBefore(today);
        loan.repay(amount(h.secondCents), 'p2', today);
        today = addDays(today, h.then);
        // Often on a day the close accrues (a due date, the 15th, or a month-end).
        while (h.onAccrualDay && today.slice(8) !== '15' && endOfMonth(today) !== today) today = addDays(today, 1);
        closeBefore(today);
        if (h.change === 'reverse') {
          attempt(loan, { type: 'ReverseRepayment', data: { reference: 'p1', reason: 'bounced', effectiveDate: today, reversedBy: 'officer-1' } }, today);
        } else {
          attempt(loan, { type: 'ReceiveRepayment', data: { amount: amount(h.firstCents), channel: 'online', reference: 'p1', effectiveDate: addDays(DISBURSED, h.first + h.gap - 1) } }, today);
        }
        for (const [n, s] of h.rest.entries()) {
          if (s.op === 'advance') today = addDays(today, s.days);
          closeBefore(today);
          const command = commandFor(s, today, n, loan.state);
          if (command) attempt(loan, command, today);
        }
        closeBefore(addDays(today, 35), true);
        const { journal, balances } = await loan.ledger();
        // Interest income each event's entries credit on the event's own night (what the close booked that night), and in all.
        const onItsNight = new Map<string, Decimal>();
        const inAll = new Map<string, Decimal>();
        let total = new Dec(0);
        for (const entry of journal) {
          for (const line of entry.lines) {
            if (line.account !== 'interest_income') continue;
            const credit = line.side === 'credit' ? new Dec(line.amount) : new Dec(line.amount).negated();
            total = total.plus(credit);
            inAll.set(entry.eventId, (inAll.get(entry.eventId) ?? new Dec(0)).plus(credit));
            if (entry.date === entry.valueDate) onItsNight.set(entry.eventId, (onItsNight.get(entry.eventId) ?? new Dec(0)).plus(credit));
          }
        }
        for (const event of loan.log.events) {
          if (event.type !== 'InterestAccrued') continue;
          accruals += 1;
          const accrued = (event.data as { amount: string }).amount;
          // A night the loan lay paid off (closed, then reopened by a reversal) was judged: its accrual is a correction,
          // booked with the loan's latest entries (QA 12 Q4), so what the ledger books for it is all its entries.
          const booked = onItsNight.get(event.eventId) ?? inAll.get(event.eventId) ?? new Dec(0);
          expect(booked.toFixed(2), `${event.eventId} ${JSON.stringify(event.data)}`).toBe(accrued);
        }
        expect(total.negated().toFixed(2), 'the journal sums to the balance').toBe(balances.interest_income);
      },
    ), { numRuns: Number(process.env.ACCRUAL_RUNS ?? 100) });
    expect(accruals).toBeGreaterThan(0);
  }, 600_000);
});
