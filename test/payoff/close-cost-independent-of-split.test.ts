import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import { DomainError } from '../../src/domain/errors.js';
import { minorOf } from '../../src/domain/money.js';
import { formatMinor } from '../../src/domain/schedule/minor-units.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

/**
 * F4 as a class: whatever the loan's history before day D, the cash a borrower pays to close it on
 * D (D's payments, then the payoff quote, less any credit left to refund) is the quote for D,
 * however D's money is split and ordered; and no fee or interest of a row due after D stays paid
 * beyond what that row earned by D.
 */
const DISBURSED = '2024-01-15';

const history = fc.record({
  strategy: fc.constantFrom('next-installment' as const, 'last-installments' as const, 're-amortise' as const),
  fee: fc.constantFrom(null, '20.00', '7.33'),
  principalCents: fc.integer({ min: 100_000, max: 2_000_000 }),
  term: fc.integer({ min: 2, max: 12 }),
  /** Payments before D: days after disbursement (increasing once sorted) and cents. */
  earlier: fc.array(fc.record({ day: fc.integer({ min: 0, max: 150 }), cents: fc.integer({ min: 1, max: 600_000 }) }), { maxLength: 4 }),
  /** An officer document fee, due this many days after D (negative: before D). */
  docFee: fc.option(fc.record({ cents: fc.integer({ min: 1, max: 20_000 }), due: fc.integer({ min: -20, max: 200 }) })),
  payoffDay: fc.integer({ min: 151, max: 300 }),
  /** D's payments short of the payoff, in the order made. */
  pieces: fc.array(fc.record({ cents: fc.integer({ min: 1, max: 800_000 }), prepayment: fc.constantFrom(null, null, 'reduce-installment' as const, 'reduce-term' as const) }), { minLength: 1, maxLength: 3 }),
});

type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

/** Runs a command; a refusal of the domain (e.g. an amount beyond the payoff) is skipped, as a desk would. */
function attempt(loan: ServicedLoan, command: LoanCommand, date: string): boolean {
  try {
    loan.run(command, date);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

function loanBefore(h: History, day: string): ServicedLoan {
  const terms = servicingTerms({ aprCap: null, prepaymentStrategy: h.strategy, fees: h.fee ? [{ kind: 'service', type: 'fixed', value: h.fee }] : [] });
  const loan = new ServicedLoan('P1', terms, formatMinor(BigInt(h.principalCents), 2), h.term, DISBURSED);
  if (h.docFee) {
    const dueDate = addDays(day, h.docFee.due);
    attempt(loan, { type: 'ApplyCharge', data: { kind: 'document-fee', amount: formatMinor(BigInt(h.docFee.cents), 2), dueDate: dueDate < DISBURSED ? DISBURSED : dueDate, reason: 'p', date: DISBURSED, appliedBy: 'o' } }, DISBURSED);
  }
  [...h.earlier].sort((a, b) => a.day - b.day).forEach((p, i) => {
    const date = addDays(DISBURSED, p.day);
    attempt(loan, { type: 'ReceiveRepayment', data: { amount: formatMinor(BigInt(p.cents), 2), channel: 'online', reference: `e${i}`, effectiveDate: date } }, date);
  });
  return loan;
}

const open = (loan: ServicedLoan) => loan.state.status === 'active' || loan.state.status === 'overdue';

/** Interest, fees and penalties the loan kept, in minor units. */
const kept = (loan: ServicedLoan) => {
  const sum = (c: 'interest' | 'fee' | 'penalty') => loan.state.installments.reduce((total, row) => total + minorOf(row.paid[c], 2), 0n);
  return { interest: sum('interest'), fee: sum('fee'), penalty: sum('penalty') };
};

describe('closing a loan on a day costs the same however that day\'s money is split (F4)', () => {
  it('pieces then the quote cost what the quote alone costs; nothing due after the day stays paid beyond what it earned', () => {
    fc.assert(
      fc.property(history, (h) => {
        const day = addDays(DISBURSED, h.payoffDay);
        const direct = loanBefore(h, day);
        if (!open(direct)) return;
        const expected = minorOf(direct.payoff(day).total, 2);
        const split = loanBefore(h, day);
        let paid = 0n;
        h.pieces.forEach((piece, i) => {
          if (!open(split)) return;
          const amount = formatMinor(BigInt(piece.cents), 2);
          const data = { amount, channel: 'online' as const, reference: `d${i}`, effectiveDate: day, ...(piece.prepayment ? { prepayment: piece.prepayment } : {}) };
          if (attempt(split, { type: 'ReceiveRepayment', data }, day)) paid += BigInt(piece.cents);
        });
        if (open(split) && minorOf(split.state.creditBalance, 2) <= 0n) {
          const quote = split.payoff(day).total;
          split.repay(quote, 'payoff', day);
          paid += minorOf(quote, 2);
        }
        expect(['closed', 'overpaid']).toContain(split.state.status);
        // What stays with the lender: paid less the credit it owes back.
        expect(paid - minorOf(split.state.creditBalance, 2)).toBe(expected);
        for (const row of split.state.installments) if (row.dueDate > day) expect(row.paid.fee).toBe('0.00');
        // Interest and fees kept are the same as when the quote alone closes the loan: only what ran or fell due by D.
        direct.repay(direct.payoff(day).total, 'payoff', day);
        expect(kept(split)).toEqual(kept(direct));
      }),
      { numRuns: 150 },
    );
  });
});
