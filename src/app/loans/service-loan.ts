import type { ChargeKind, RefundChannel } from '../../domain/loan/events.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { firstRecording } from './collect-payment.js';
import { runLoanCommand } from './run-loan-command.js';
import { lenderWorkingCalendar } from '../working-days/lender-calendar.js';

export interface WaiverInput {
  kind: ChargeKind;
  amount?: string | null;
  reason: string;
  /** Business date the waiver takes effect; today when absent. */
  effectiveDate?: string;
  /** Names the request when it waits for a second person (product waiverApprovalAbove). */
  reference?: string;
}

export interface RescheduleInput {
  reason: string;
  effectiveDate?: string;
  term?: number | null;
  annualRate?: string | null;
}

export interface RefundInput {
  amount?: string | null;
  channel: RefundChannel;
  reference: string;
  effectiveDate?: string;
  /** A payment channel already paid it (see RefundOverpayment): recorded even if its credit is gone. */
  paidOut?: boolean;
}

/**
 * Waives owed penalty, fee or interest (all of that kind when no amount is given); above the
 * product's waiverApprovalAbove it is only requested, by the caller, until approveWaiver.
 */
export async function waiveCharge(services: AppServices, meta: CommandMeta, loanId: string, input: WaiverInput): Promise<CommandOutcome> {
  const effectiveDate = input.effectiveDate ?? businessToday(services);
  const { outcome } = await runLoanCommand(services, meta, loanId, {
    type: 'WaiveCharge',
    data: { kind: input.kind, amount: input.amount ?? null, reason: input.reason, effectiveDate, waivedBy: meta.actor.sub, ...(input.reference ? { reference: input.reference } : {}) },
  }, occurredAtFor(services, effectiveDate));
  return outcome;
}

/** Approves a waiver waiting for a second person; the approver must not be its maker. Booked on its own effective date. */
export async function approveWaiver(services: AppServices, meta: CommandMeta, loanId: string, reference: string): Promise<CommandOutcome> {
  const { outcome } = await runLoanCommand(services, meta, loanId, {
    type: 'ApproveWaiver', data: { reference, approvedBy: meta.actor.sub },
  }, occurredAtFor(services, businessToday(services)));
  return outcome;
}

/** Rejects (or, by its maker, withdraws) a waiver waiting for a second person: nothing is waived. */
export async function rejectWaiver(services: AppServices, meta: CommandMeta, loanId: string, reference: string, reason: string): Promise<CommandOutcome> {
  const { outcome } = await runLoanCommand(services, meta, loanId, {
    type: 'RejectWaiver', data: { reference, reason, rejectedBy: meta.actor.sub },
  }, occurredAtFor(services, businessToday(services)));
  return outcome;
}

/** Re-amortizes what falls due after the effective date under a new term and/or rate. */
export async function rescheduleLoan(services: AppServices, meta: CommandMeta, loanId: string, input: RescheduleInput): Promise<CommandOutcome> {
  const effectiveDate = input.effectiveDate ?? businessToday(services);
  const calendar = await lenderWorkingCalendar(services.eventStore);
  const { outcome } = await runLoanCommand(services, meta, loanId, {
    type: 'Reschedule', data: { reason: input.reason, effectiveDate, term: input.term ?? null, annualRate: input.annualRate ?? null, calendar },
  }, occurredAtFor(services, effectiveDate));
  return outcome;
}

/** Pays back (part of) an overpaid loan's credit balance; all of it closes the loan. */
export async function refundOverpayment(services: AppServices, meta: CommandMeta, loanId: string, input: RefundInput): Promise<CommandOutcome> {
  const date = input.effectiveDate ?? businessToday(services);
  const { outcome, replayed } = await runLoanCommand(services, meta, loanId, {
    type: 'RefundOverpayment', data: { amount: input.amount ?? null, channel: input.channel, reference: input.reference, date, ...(input.paidOut ? { paidOut: true } : {}) },
  }, occurredAtFor(services, date));
  if (outcome.created || replayed) return outcome;
  // A refund replayed by its reference answers with the first result, like a repayment.
  const first = await firstRecording(services.eventStore, loanId, 'RefundIssued', input.reference);
  return first ? { ...outcome, ...first } : outcome;
}

export interface ReversalInput {
  reason: string;
  /** Business date the reversal is booked on; today when absent. */
  effectiveDate?: string;
  /** Only requested, whatever the amount, until a second person approves (a provider refunded the payment). */
  approvalRequired?: boolean;
}

/** Approves a reversal waiting for a second person (the product's reversalApprovalAbove); the approver must not be its requester. */
export async function approveReversal(services: AppServices, meta: CommandMeta, loanId: string, reference: string): Promise<CommandOutcome> {
  const { outcome } = await runLoanCommand(services, meta, loanId, {
    type: 'ApproveReversal', data: { reference, approvedBy: meta.actor.sub },
  }, occurredAtFor(services, businessToday(services)));
  return outcome;
}

/** Rejects a reversal waiting for a second person: nothing is reversed; the rejecter must not be its requester. */
export async function rejectReversal(services: AppServices, meta: CommandMeta, loanId: string, reference: string, reason: string): Promise<CommandOutcome> {
  const { outcome } = await runLoanCommand(services, meta, loanId, {
    type: 'RejectReversal', data: { reference, reason, rejectedBy: meta.actor.sub },
  }, occurredAtFor(services, businessToday(services)));
  return outcome;
}

/**
 * Reverses a repayment by its reference: allocation re-runs without it; a second reversal is a
 * no-op. Above the product's reversalApprovalAbove it is only requested, until approveReversal.
 */
export async function reverseRepayment(services: AppServices, meta: CommandMeta, loanId: string, reference: string, input: ReversalInput): Promise<CommandOutcome> {
  const effectiveDate = input.effectiveDate ?? businessToday(services);
  const { outcome } = await runLoanCommand(services, meta, loanId, {
    type: 'ReverseRepayment', data: { reference, reason: input.reason, effectiveDate, reversedBy: meta.actor.sub, ...(input.approvalRequired ? { approvalRequired: true } : {}) },
  }, occurredAtFor(services, effectiveDate));
  return outcome;
}
