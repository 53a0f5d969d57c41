import type { Actor } from '../../src/domain/actor.js';
import { addDays, addMonthsClamped } from '../../src/domain/calendar.js';
import type { ScheduleRow } from '../../src/domain/loan/events.js';
import type { ProductTerms } from '../../src/domain/product/events.js';
import { generateSchedule } from '../../src/domain/schedule/generate.js';
import type { NewEvent } from '../../src/eventstore/port.js';
import { BENCH_PRODUCT_ID } from './product.js';

const OFFICER: Actor = { sub: 'bench-officer', role: 'officer' };
const UNDERWRITER: Actor = { sub: 'bench-underwriter', role: 'underwriter' };
const SYSTEM: Actor = { sub: 'close-of-business', role: 'system' };

/** One borrower's history as the command pipeline would have written it. */
export interface LoanStory {
  customerId: string;
  loanId: string;
  customer: NewEvent[];
  loan: NewEvent[];
}

export interface StoryInput {
  /** Makes ids and references unique; also spreads disbursement days over the month. */
  index: number;
  terms: ProductTerms;
  term: number;
  /** Installments paid on their due dates, each with its interest accrued the same day. */
  paidInstallments: number;
  /** The first disbursement date; loan `index` is disbursed `index % 28` days later. */
  firstDisbursement: string;
  /** The schedule for a principal from a date; the generator memoises it (only 2 520 distinct ones). */
  scheduleOf(principal: string, startDate: string): ScheduleRow[];
}

/** generateSchedule for the bench product, memoised by principal and start date. */
export function memoisedSchedules(terms: ProductTerms, term: number): StoryInput['scheduleOf'] {
  const cache = new Map<string, ScheduleRow[]>();
  return (principal, startDate) => {
    const key = `${principal}@${startDate}`;
    let rows = cache.get(key);
    if (!rows) {
      rows = generateSchedule({ principal, annualRate: terms.annualRate, term, startDate, terms });
      cache.set(key, rows);
    }
    return rows;
  };
}

/** Deterministic UUIDv7-shaped id: the bench needs stable, unique ids, not random ones. */
export function benchId(kind: number, index: number): string {
  return `0190f0c0-${kind.toString(16).padStart(4, '0')}-7000-8000-${index.toString(16).padStart(12, '0')}`;
}

function event(type: string, data: unknown, occurredAt: string, actor: Actor, correlationId: string): NewEvent {
  return { type, data, occurredAt: `${occurredAt}T09:00:00.000Z`, actor, correlationId };
}

function repayment(row: ScheduleRow, reference: string): Record<string, unknown> {
  const zero = '0.00';
  return {
    amount: row.total,
    channel: 'bank_transfer',
    reference,
    effectiveDate: row.dueDate,
    allocation: { penalty: zero, fee: row.fee, interest: row.interest, principal: row.principal, excess: zero },
    installments: [{ number: row.number, penalty: zero, fee: row.fee, interest: row.interest, principal: row.principal }],
  };
}

/**
 * A realistic loan: registered and KYC-verified borrower, application, assessment, four-eyes
 * approval, disbursement with its schedule, then on-time repayments with their accruals. Amounts
 * come from the real schedule generator, so projections and the decider see consistent numbers.
 */
export function loanStory(input: StoryInput): LoanStory {
  const { index, terms } = input;
  const customerId = benchId(1, index);
  const loanId = benchId(2, index);
  const corr = benchId(3, index);
  const principal = `${10_000 + (index % 90) * 1_000}.00`;
  const day = addDays(input.firstDisbursement, index % 28);
  const schedule = input.scheduleOf(principal, day);
  const sealed = (field: string): string => `bench:${field}:${index}`;
  const customer = [
    event('CustomerRegistered', { customerId, profile: { name: sealed('name'), nationalId: sealed('id'), phone: sealed('phone'), email: null }, registeredBy: 'officer' }, day, OFFICER, corr),
    event('KycSubmitted', { monthlyIncome: sealed('income'), employer: sealed('employer'), employmentMonths: 36, bankAccount: sealed('bank'), submittedAt: `${day}T08:00:00.000Z` }, day, OFFICER, corr),
    event('KycVerified', { reason: null, decidedBy: UNDERWRITER.sub, verifiedAt: `${day}T08:30:00.000Z` }, day, UNDERWRITER, corr),
  ];
  const loan = [
    event('LoanApplicationSubmitted', { loanId, customerId, productId: BENCH_PRODUCT_ID, productVersion: 1, terms, principal, term: input.term, purpose: 'bench', submittedBy: OFFICER.sub }, day, OFFICER, corr),
    event('CreditAssessed', { score: 720, grade: 'B', decision: 'approve', reasons: [], scorecardVersion: 'bench', inputs: {} }, day, SYSTEM, corr),
    event('LoanApproved', { approvedPrincipal: principal, approver: UNDERWRITER.sub, note: null }, day, UNDERWRITER, corr),
    event('LoanDisbursed', { amount: principal, netAmount: principal, fees: [], date: day, channel: 'bank_transfer', apr: '12.68', schedule }, day, OFFICER, corr),
  ];
  let from = day;
  for (const row of schedule.slice(0, input.paidInstallments)) {
    loan.push(event('InterestAccrued', { date: row.dueDate, from, to: row.dueDate, amount: row.interest }, row.dueDate, SYSTEM, corr));
    loan.push(event('RepaymentReceived', repayment(row, `bench-${index}-${row.number}`), row.dueDate, OFFICER, corr));
    from = row.dueDate;
  }
  return { customerId, loanId, customer, loan };
}

/** The business date after `paidInstallments` months, when the next installment starts falling due. */
export function nextDueDay(firstDisbursement: string, paidInstallments: number): string {
  return addMonthsClamped(firstDisbursement, paidInstallments + 1);
}
