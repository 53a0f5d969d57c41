import fc from 'fast-check';
import { addDays } from '../../src/domain/calendar.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import { DomainError } from '../../src/domain/errors.js';
import { paymentRecords } from '../../src/domain/loan/payment-book.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import type { ServicedLoan } from './serviced-loan.js';

/** Random servicing histories over one loan: the steps the servicing properties drive through the real decider. */
export const DISBURSED = '2024-01-15';

/** One servicing step, drawn at random; dates are days after disbursement, never after the business date. */
export type Step =
  | { op: 'advance'; days: number }
  | { op: 'repay'; cents: number; back: number; prepayment: 'reduce-installment' | 'reduce-term' | null }
  | { op: 'waive'; kind: 'penalty' | 'fee' | 'interest'; cents: number | null; back: number }
  | { op: 'reschedule'; term: number; rate: string; back: number }
  | { op: 'refund'; cents: number | null; reference: number }
  | { op: 'writeOff'; back: number }
  | { op: 'recover'; cents: number }
  | { op: 'reverse'; pick: number }
  | { op: 'charge'; kind: 'document-fee' | 'late-fee' | 'collection-fee'; cents: number; due: number };

export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 45 }) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('repay' as const), cents: fc.integer({ min: 1, max: 180_000 }), back: fc.integer({ min: 0, max: 40 }),
      prepayment: fc.constantFrom(null, null, 'reduce-installment' as const, 'reduce-term' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('waive' as const), kind: fc.constantFrom('penalty' as const, 'interest' as const), cents: fc.option(fc.integer({ min: 1, max: 5_000 })), back: fc.integer({ min: 0, max: 10 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reschedule' as const), term: fc.integer({ min: 1, max: 6 }), rate: fc.constantFrom('6', '12', '18'), back: fc.constantFrom(0, 0, 0, 5, 20) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('refund' as const), cents: fc.option(fc.integer({ min: 1, max: 20_000 })), reference: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('writeOff' as const), back: fc.constantFrom(0, 5, 20, 35) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('recover' as const), cents: fc.integer({ min: 1, max: 100_000 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('charge' as const), kind: fc.constantFrom('document-fee' as const, 'late-fee' as const, 'collection-fee' as const),
      cents: fc.integer({ min: 1, max: 20_000 }), due: fc.integer({ min: -60, max: 120 }),
    }),
  },
);

export const amount = (cents: number) => (cents / 100).toFixed(2);
const max = (a: string, b: string) => (a > b ? a : b);

/** The command a step stands for on business date `today`, or null when the step only moves the date. */
export function commandFor(s: Step, today: string, n: number, state: LoanState): LoanCommand | null {
  const dated = (back: number) => max(DISBURSED, addDays(today, -back));
  switch (s.op) {
    case 'advance':
      return null;
    case 'repay':
      return {
        type: 'ReceiveRepayment',
        data: { amount: amount(s.cents), channel: 'online', reference: `p${n}`, effectiveDate: dated(s.back), ...(s.prepayment ? { prepayment: s.prepayment } : {}) },
      };
    case 'waive':
      return { type: 'WaiveCharge', data: { kind: s.kind, amount: s.cents === null ? null : amount(s.cents), reason: 'goodwill', effectiveDate: dated(s.back) } };
    case 'reschedule':
      return { type: 'Reschedule', data: { reason: 'hardship', effectiveDate: dated(s.back), term: s.term, annualRate: s.rate } };
    case 'refund':
      return { type: 'RefundOverpayment', data: { amount: s.cents === null ? null : amount(s.cents), channel: 'bank_transfer', reference: `R${s.reference}`, date: today } };
    case 'writeOff':
      return { type: 'RequestWriteOff', data: { requestedBy: 'officer-1', reason: 'uncollectable', date: dated(s.back) } };
    case 'recover':
      return { type: 'ReceiveRecovery', data: { amount: amount(s.cents), channel: 'bank_transfer', reference: `rec${n}`, effectiveDate: today } };
    case 'charge':
      return { type: 'ApplyCharge', data: { kind: s.kind, amount: amount(s.cents), dueDate: max(DISBURSED, addDays(today, s.due)), reason: 'test', date: today, appliedBy: 'officer-1' } };
    case 'reverse': {
      const payments = paymentRecords(state.payments);
      const target = payments[s.pick % Math.max(1, payments.length)];
      return target ? { type: 'ReverseRepayment', data: { reference: target.reference, reason: 'bounced', effectiveDate: today, reversedBy: 'officer-1' } } : null;
    }
  }
}

/** Runs a command the way the command pipeline would: a refused command records nothing. */
export function attempt(loan: ServicedLoan, command: LoanCommand, today: string): boolean {
  try {
    loan.run(command, today);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

