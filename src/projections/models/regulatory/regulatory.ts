import type { RecordedEvent } from '../../../eventstore/port.js';
import type {
  LoanApplicationSubmitted, LoanClosed, LoanDisbursed, LoanMigrated, RecoveryReceived, RecoveryReversed, RefundChannel, RefundIssued, RepaymentReceived, RepaymentReversed,
} from '../../../domain/loan/events.js';
import type { Projection, ProjectionContext } from '../../projection.js';
import { sumAmounts } from '../amount.js';
import { entityIdOf, entityIdsOf } from '../stream-id.js';
import {
  REGULATORY_LOANS, REGULATORY_TRANSACTIONS, type RegulatoryLoan, type RegulatoryTransaction, type TransactionKind,
} from './documents.js';

/** The events whose handler reads the loan's record (loanOf). */
const READS_LOAN: ReadonlySet<string> = new Set(['LoanDisbursed', 'LoanMigrated', 'RepaymentReceived', 'RepaymentReversed', 'RecoveryReceived', 'RefundIssued', 'LoanClosed']);

async function loanOf(event: RecordedEvent, ctx: ProjectionContext): Promise<RegulatoryLoan> {
  const loanId = entityIdOf(event, 'loan');
  const loan = await ctx.get<RegulatoryLoan>(REGULATORY_LOANS, loanId);
  if (!loan) throw new Error(`${event.type} ${event.eventId}: loan ${loanId} has no application in the regulatory model`);
  return loan;
}

interface Movement {
  kind: TransactionKind;
  amount: string;
  channel: RefundChannel;
  date: string;
  reference: string | null;
  scheduledPaid?: string;
}

function recordMovement(event: RecordedEvent, loan: RegulatoryLoan, movement: Movement, ctx: ProjectionContext): void {
  const transaction: RegulatoryTransaction = {
    id: event.eventId,
    loanId: loan.id,
    customerId: loan.customerId,
    currency: loan.currency,
    direction: movement.kind === 'disbursement' || movement.kind === 'refund' ? 'out' : 'in',
    scheduledPaid: '0',
    ...movement,
  };
  ctx.put(REGULATORY_TRANSACTIONS, transaction);
}

/**
 * The regulator's raw material: every money movement with its customer, channel and business date,
 * and each loan's disbursement and closing dates (fast borrow-and-repay detection).
 */
export const regulatoryProjection: Projection = {
  name: 'regulatory',
  // 2: reversed repayments are marked (reversedOn).
  version: 2,
  collections: [
    { name: REGULATORY_LOANS, indexes: ['customerId', 'disbursedOn', 'closedOn'] },
    { name: REGULATORY_TRANSACTIONS, indexes: ['kind', 'date', 'customerId', 'loanId'] },
  ],
  handlers: {
    LoanApplicationSubmitted: (raw, ctx) => {
      const { data } = raw as RecordedEvent<LoanApplicationSubmitted['data']>;
      const loan: RegulatoryLoan = {
        id: entityIdOf(raw, 'loan'), customerId: data.customerId, productId: data.productId, currency: data.terms.currency,
        principal: null, disbursedOn: null, closedOn: null, closeReason: null,
      };
      ctx.put(REGULATORY_LOANS, loan);
    },
    LoanDisbursed: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<LoanDisbursed['data']>;
      const loan = await loanOf(raw, ctx);
      ctx.put(REGULATORY_LOANS, { ...loan, principal: data.amount, disbursedOn: data.date });
      // The borrower receives the net amount: that is the cash that moved.
      recordMovement(raw, loan, { kind: 'disbursement', amount: data.netAmount, channel: data.channel, date: data.date, reference: null }, ctx);
    },
    // Legacy cash movements stay in the legacy system's records; the loan's dates come over, closed as the loan's state has it.
    LoanMigrated: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<LoanMigrated['data']>;
      const loan = await loanOf(raw, ctx);
      const { state } = await ctx.loans.after(raw);
      ctx.put(REGULATORY_LOANS, {
        ...loan, principal: data.disbursement.amount, disbursedOn: data.disbursement.date,
        ...(state.closedOn !== null ? { closedOn: state.closedOn, closeReason: 'obligations_met' as const } : {}),
      });
    },
    RepaymentReceived: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<RepaymentReceived['data']>;
      const { principal, interest, fee } = data.allocation;
      recordMovement(raw, await loanOf(raw, ctx), {
        kind: 'repayment', amount: data.amount, channel: data.channel, date: data.effectiveDate, reference: data.reference,
        scheduledPaid: sumAmounts([principal, interest, fee]),
      }, ctx);
    },
    // A reversed repayment stays on record, marked, so the AML reports leave it out (the money never stood).
    RepaymentReversed: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<RepaymentReversed['data']>;
      const page = await ctx.find<RegulatoryTransaction>(REGULATORY_TRANSACTIONS, { where: { loanId: entityIdOf(raw, 'loan'), kind: 'repayment' } });
      const repayment = page.items.find((tx) => tx.reference === data.reference);
      if (repayment) ctx.put(REGULATORY_TRANSACTIONS, { ...repayment, reversedOn: data.effectiveDate });
      // A loan the reversed payment had closed is open again: it was not repaid (no fast payoff).
      const loan = await loanOf(raw, ctx);
      const { state } = await ctx.loans.after(raw);
      if (loan.closedOn !== null && state.status !== 'closed') ctx.put(REGULATORY_LOANS, { ...loan, closedOn: null, closeReason: null });
    },
    RecoveryReceived: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<RecoveryReceived['data']>;
      recordMovement(raw, await loanOf(raw, ctx), {
        kind: 'recovery', amount: data.amount, channel: data.channel, date: data.effectiveDate, reference: data.reference,
      }, ctx);
    },
    // A reversed recovery (a bounced transfer) stays on record, marked, like a reversed repayment.
    RecoveryReversed: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<RecoveryReversed['data']>;
      const page = await ctx.find<RegulatoryTransaction>(REGULATORY_TRANSACTIONS, { where: { loanId: entityIdOf(raw, 'loan'), kind: 'recovery' } });
      const recovery = page.items.find((tx) => tx.reference === data.reference);
      if (recovery) ctx.put(REGULATORY_TRANSACTIONS, { ...recovery, reversedOn: data.effectiveDate });
    },
    RefundIssued: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<RefundIssued['data']>;
      recordMovement(raw, await loanOf(raw, ctx), {
        kind: 'refund', amount: data.amount, channel: data.channel, date: data.date, reference: data.reference,
      }, ctx);
    },
    LoanClosed: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<LoanClosed['data']>;
      ctx.put(REGULATORY_LOANS, { ...(await loanOf(raw, ctx)), closedOn: data.date, closeReason: data.reason });
    },
  },
  prefetch: (events, ctx) => ctx.prefetch(REGULATORY_LOANS, entityIdsOf(events, 'loan', READS_LOAN)),
};
