import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { earnedMinor } from '../../src/domain/loan/accrual.js';
import { daysPastDue } from '../../src/domain/loan/delinquency.js';
import { loanFigures } from '../../src/domain/loan/figures.js';
import { nextUnsettled } from '../../src/domain/loan/installment.js';
import { installmentsOn } from '../../src/domain/loan/installments-on.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import { minorOf, minorUnits } from '../../src/domain/money.js';
import { formatMinor } from '../../src/domain/schedule/minor-units.js';
import { terms } from '../domain/loan/fixtures.js';
import { asFacts, DISBURSED, everyDay, LAST, monthEnds, payments, runAsCatchUp, runOnTheirNights } from './close-history.js';

const noPenalty = { ...terms, penalty: null };
const fixedPenalty = { ...terms, penalty: { type: 'fixed' as const, value: '50.00', cap: '500.00', graceDays: 3 } };

/**
 * The oracle of interest income, from the replay alone: each installment's interest earned on the
 * days the loan performed (days past due ≤ 90 at that day's close, judged on the facts dated by
 * then), never more than it can collect, never less than was paid (paid interest is income when paid).
 */
function performingIncome(state: LoanState): string {
  const ctx = loanContext(state);
  const places = minorUnits(state.currency);
  const performing = new Set<string>();
  for (const day of everyDay()) {
    const rows = installmentsOn(state, day, ctx);
    if (daysPastDue(rows, nextUnsettled(rows, 0), day, state.charges.filter((charge) => charge.date <= day), state.currency) <= 90) performing.add(day);
  }
  let income = 0n;
  for (const inst of state.installments) {
    let earned = 0n;
    let before = earnedMinor(inst, DISBURSED, ctx, places);
    for (const day of everyDay()) {
      const now = earnedMinor(inst, day, ctx, places);
      if (performing.has(day)) earned += now - before;
      before = now;
    }
    const collectable = minorOf(inst.due.interest, places) - minorOf(inst.waived.interest, places);
    const paid = minorOf(inst.paid.interest, places);
    const accrued = earned < collectable ? earned : collectable;
    income += accrued > paid ? accrued : paid;
  }
  return formatMinor(-income, places);
}

// Closes on a random subset of days (always the last, a month-end).
const someDays = fc.array(fc.boolean(), { minLength: everyDay().length, maxLength: everyDay().length })
  .map((keep) => everyDay().filter((day, i) => keep[i] === true || day === LAST));

describe('close of business over random histories', () => {
  it('books as interest income exactly what the loan earned on the days it performed, however often the closes ran', () => {
    fc.assert(fc.property(payments, someDays, (history, sparse) => {
      const daily = runOnTheirNights(history, everyDay(), noPenalty).life.state;
      const skipping = runOnTheirNights(history, sparse, noPenalty).life.state;
      const monthly = runOnTheirNights(history, monthEnds(), noPenalty).life.state;
      const expected = performingIncome(daily);
      for (const state of [daily, skipping, monthly]) {
        expect(loanFigures(state, LAST).ledger.interest_income).toBe(expected);
      }
      expect(loanFigures(skipping, LAST)).toEqual(loanFigures(daily, LAST));
      expect(loanFigures(monthly, LAST)).toEqual(loanFigures(daily, LAST));
    }), { numRuns: 25 });
  }, 240_000);

  it('a catch-up over missed dates records what closing each date on its night records', () => {
    fc.assert(fc.property(payments, fc.constantFrom(terms, fixedPenalty, noPenalty), (history, product) => {
      const nightly = runOnTheirNights(history, everyDay(), product);
      const catchUp = runAsCatchUp(history, everyDay(), product);
      expect(asFacts(catchUp.closed)).toEqual(asFacts(nightly.closed));
      expect(loanFigures(catchUp.life.state, LAST)).toEqual(loanFigures(nightly.life.state, LAST));
      const { status, classification, flags, daysPastDue, interestAccruedThrough, accruingSince, installments } = nightly.life.state;
      expect(catchUp.life.state).toMatchObject({ status, classification, flags, daysPastDue, interestAccruedThrough, accruingSince, installments });
    }), { numRuns: 25 });
  }, 240_000);
});

describe('close of business, the day a loan becomes non-performing', () => {
  it('books a keyed-in-late loan\'s interest as income up to its last performing day and suspends the rest (QA 7 F1)', () => {
    // Nothing paid: row 1 (due 2026-02-15) is 91 days past due on 2026-05-17; the first close runs on 2026-06-30.
    const { life, closed } = runAsCatchUp([], ['2026-06-30'], noPenalty);
    // Each class move on its night (qa19 Q8), 次级 still at 135 days past due on 06-30.
    expect(closed.filter((e) => e.type === 'LoanClassified').map((e) => e.data)).toEqual([
      { from: 'normal', to: 'special-mention', dpd: 1, date: '2026-02-16' }, { from: 'special-mention', to: 'substandard', dpd: 91, date: '2026-05-17' },
    ]);
    const accrued = closed.filter((e) => e.type === 'InterestAccrued');
    const ctx = loanContext(life.state);
    const earnedThrough = (day: string) => life.state.installments.reduce((sum, inst) => sum + earnedMinor(inst, day, ctx, 2), 0n);
    // Each posting day it missed is booked on its own date (QA 10 R8) as the nightly closes book them: the month-ends, and the
    // due dates, whose closes visit a loan with a row due and unpaid; May's month-end stops at 05-16 and suspends the rest;
    // June books nothing. (Before, the catch-up posted month-ends only: 01-31 → 04-30 and 04-30 → 05-31 held the due dates'
    // postings, the same income at each month-end, but a payment into the non-performing days then booked a cent of
    // interest as income the nightly book held in advance: servicing-before-first-close.property.test.ts.)
    const days = ['2026-01-31', '2026-02-15', '2026-02-28', '2026-03-15', '2026-03-31', '2026-04-15', '2026-04-30', '2026-05-15'];
    expect(accrued.map((e) => e.data)).toEqual([
      ...days.map((to, i) => ({ date: to, from: i === 0 ? DISBURSED : days[i - 1], to, amount: formatMinor(earnedThrough(to) - (i === 0 ? 0n : earnedThrough(days[i - 1] as string)), 2) })),
      {
        date: '2026-05-31', from: '2026-05-15', to: '2026-05-31', amount: formatMinor(earnedThrough('2026-05-16') - earnedThrough('2026-05-15'), 2),
        suspended: { amount: formatMinor(earnedThrough('2026-05-31') - earnedThrough('2026-05-16'), 2), spans: [{ from: '2026-05-17', to: '2026-05-31' }] },
      },
    ]);
    const nightly = runOnTheirNights([], everyDay().filter((day) => day <= '2026-06-30'), noPenalty).closed;
    expect(accrued.map((e) => e.data)).toEqual(nightly.filter((e) => e.type === 'InterestAccrued').map((e) => e.data));
    expect(loanFigures(life.state).ledger.interest_income).toBe(formatMinor(-earnedThrough('2026-05-16'), 2));
  });

  it('splits a due-date accrual at the day the loan crossed 90 days past due (the close that classifies it books only the days before)', () => {
    // Row 1 due 2026-02-15 unpaid; closes daily: the 91st day past due, 2026-05-17, is not a posting day, but 2026-05-15
    // (row 4 due) and 2026-05-31 are; the month-end accrual books 05-16 only.
    const { life, closed } = runOnTheirNights([], everyDay().filter((day) => day <= '2026-05-31'), noPenalty);
    const may = closed.filter((e) => e.type === 'InterestAccrued' && e.data.date >= '2026-05-15');
    const ctx = loanContext(life.state);
    const earnedThrough = (day: string) => life.state.installments.reduce((sum, inst) => sum + earnedMinor(inst, day, ctx, 2), 0n);
    expect(may.map((e) => e.data)).toEqual([
      { date: '2026-05-15', from: '2026-04-30', to: '2026-05-15', amount: formatMinor(earnedThrough('2026-05-15') - earnedThrough('2026-04-30'), 2) },
      {
        date: '2026-05-31', from: '2026-05-15', to: '2026-05-31', amount: formatMinor(earnedThrough('2026-05-16') - earnedThrough('2026-05-15'), 2),
        suspended: { amount: formatMinor(earnedThrough('2026-05-31') - earnedThrough('2026-05-16'), 2), spans: [{ from: '2026-05-17', to: '2026-05-31' }] },
      },
    ]);
    // Later postings book nothing while it stays non-performing.
    const later = runOnTheirNights([], everyDay().filter((day) => day <= '2026-08-31'), noPenalty).closed;
    expect(later.filter((e) => e.type === 'InterestAccrued' && e.data.date > '2026-05-31')).toEqual([]);
    expect(addDays('2026-02-15', 91)).toBe('2026-05-17');
  });
});
