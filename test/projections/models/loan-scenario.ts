import type { Channel, InstallmentAllocation, ScheduleRow } from '../../../src/domain/loan/events.js';
import type { ProductTerms } from '../../../src/domain/product/events.js';
import { productTerms } from '../../domain/product-terms.fixture.js';
import type { EventLog } from './fake-context.js';

/** A plain CNY product: 12 % declining, monthly, equal installments, one 1 % origination fee. */
export const TERMS: ProductTerms = productTerms({
  name: 'Personal 12',
  fees: [{ kind: 'origination', type: 'percent', value: '1' }],
  penalty: { type: 'percent', value: '5', cap: null, graceDays: 0 },
});

/** 3 000.00 over three months at 1 % a month (equal installments of 1 020.07, last row trued up). */
export const SCHEDULE_3000: ScheduleRow[] = [
  { number: 1, dueDate: '2024-02-15', principal: '990.07', interest: '30.00', fee: '0.00', total: '1020.07', balance: '2009.93' },
  { number: 2, dueDate: '2024-03-15', principal: '999.97', interest: '20.10', fee: '0.00', total: '1020.07', balance: '1009.96' },
  { number: 3, dueDate: '2024-04-15', principal: '1009.96', interest: '10.10', fee: '0.00', total: '1020.06', balance: '0.00' },
];

const at = (date: string): string => `${date}T10:00:00.000Z`;

/** Appends the events of a loan's life with sensible defaults; each returns the event for inspection. */
export class LoanScenario {
  readonly stream: string;
  private repayments = 0;

  constructor(
    private readonly log: EventLog,
    readonly loanId: string,
    readonly customerId: string,
    readonly productId = 'p1',
  ) {
    this.stream = `loan-${loanId}`;
  }

  submit(principal = '3000.00', date = '2024-01-10', terms: ProductTerms = TERMS) {
    return this.log.append(this.stream, 'LoanApplicationSubmitted', {
      loanId: this.loanId, customerId: this.customerId, productId: this.productId, productVersion: 1, terms,
      principal, term: 3, purpose: 'car repair', submittedBy: 'officer-1',
    }, at(date));
  }

  approve(approvedPrincipal = '3000.00', date = '2024-01-12') {
    return this.log.append(this.stream, 'LoanApproved', { approvedPrincipal, approver: 'uw-1', note: null }, at(date));
  }

  disburse(amount = '3000.00', date = '2024-01-15', channel: Channel = 'bank_transfer', fee = '30.00', schedule = SCHEDULE_3000) {
    const netAmount = (Number(amount) - Number(fee)).toFixed(2); // test fixture only, amounts are exact in cents
    return this.log.append(this.stream, 'LoanDisbursed', {
      amount, netAmount, fees: [{ kind: 'origination', amount: fee }], date, channel, apr: '13.9', schedule,
    }, at(date));
  }

  accrue(amount: string, date: string) {
    return this.log.append(this.stream, 'InterestAccrued', { date, from: date, to: date, amount }, at(date));
  }

  repay(allocation: { penalty?: string; fee?: string; interest?: string; principal?: string; excess?: string }, date: string,
    channel: Channel = 'alipay', reference = `ref-${(this.repayments += 1)}`, installments: InstallmentAllocation[] = []) {
    const full = { penalty: '0.00', fee: '0.00', interest: '0.00', principal: '0.00', excess: '0.00', ...allocation };
    const amount = Object.values(full).reduce((sum, part) => sum + Math.round(Number(part) * 100), 0);
    return this.log.append(this.stream, 'RepaymentReceived', {
      amount: (amount / 100).toFixed(2), channel, reference, effectiveDate: date, allocation: full, installments,
    }, at(date));
  }

  overdue(number: number, dueDate: string, amountDue: string, date: string) {
    return this.log.append(this.stream, 'InstallmentOverdue', { number, dueDate, amountDue, date }, at(date));
  }

  penalty(number: number, amount: string, date: string) {
    return this.log.append(this.stream, 'PenaltyCharged', { number, amount, date }, at(date));
  }

  waive(kind: 'penalty' | 'fee' | 'interest', amount: string, date: string) {
    return this.log.append(this.stream, 'ChargeWaived', { kind, amount, reason: 'goodwill', installments: [] }, at(date));
  }

  classify(from: string, to: string, dpd: number, date: string) {
    return this.log.append(this.stream, 'LoanClassified', { from, to, dpd, date }, at(date));
  }

  writeOff(parts: { principal: string; interest: string; fees: string; penalties: string }, date: string) {
    return this.log.append(this.stream, 'LoanWrittenOff', { date, ...parts, requestedBy: 'officer-1', approvedBy: 'officer-2' }, at(date));
  }

  recover(amount: string, date: string, channel: Channel = 'bank_transfer') {
    return this.log.append(this.stream, 'RecoveryReceived', { amount, channel, reference: `rec-${date}`, effectiveDate: date }, at(date));
  }

  overpaid(amount: string, date: string) {
    return this.log.append(this.stream, 'LoanOverpaid', { amount, date }, at(date));
  }

  refund(amount: string, date: string) {
    return this.log.append(this.stream, 'RefundIssued', { amount, channel: 'bank_transfer', reference: `refund-${date}`, date }, at(date));
  }

  close(date: string, reason: 'obligations_met' | 'overpayment_refunded' = 'obligations_met') {
    return this.log.append(this.stream, 'LoanClosed', { date, reason }, at(date));
  }
}
