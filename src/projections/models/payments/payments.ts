import type { Channel } from '../../../domain/loan/events.js';
import type { PaymentConfirmed, SuspendedPaymentAssigned } from '../../../domain/payment/events.js';
import { repaymentReferenceOf } from '../../../domain/payment/repayment-reference.js';
import type { StatementLine, StatementLineMatched, StatementLineSuspended, SuspenseLineAssigned } from '../../../domain/payment/statement-events.js';
import type { RecordedEvent } from '../../../eventstore/port.js';
import type { Doc } from '../../../readstore/port.js';
import type { Projection, ProjectionContext } from '../../projection.js';
import { businessDateOf, entityIdOf } from '../stream-id.js';

export const PAYMENTS_PROJECTION = 'payments';
export const REPAYMENT_REFERENCES = 'repayment_references';
export const PAYMENT_SUSPENSE = 'payment_suspense';

/** id = a repayment reference; the disbursed loans it names (more than one only on a hash collision). */
export interface RepaymentReferenceDoc extends Doc {
  loanIds: string[];
}

/**
 * id = the bank txn id of a statement line that could not be matched, or the transaction id of a
 * provider payment no loan could take (then `intentId` names its intent, `statementId` is its
 * stream `payment-<intentId>`, `channel` what it is recorded under once assigned).
 */
export interface SuspenseLineDoc extends Doc, StatementLine {
  statementId: string;
  intentId?: string;
  channel?: Channel;
  reason: string;
  status: 'open' | 'assigned' | 'matched';
  loanId: string | null;
  suspendedOn: string;
}

async function rememberReference(event: RecordedEvent, ctx: ProjectionContext): Promise<void> {
  const loanId = entityIdOf(event, 'loan');
  const id = repaymentReferenceOf(loanId);
  const doc = await ctx.get<RepaymentReferenceDoc>(REPAYMENT_REFERENCES, id);
  if (!doc?.loanIds.includes(loanId)) ctx.put(REPAYMENT_REFERENCES, { id, loanIds: [...(doc?.loanIds ?? []), loanId] });
}

/** Bank-transfer matching: reference → loans (from disbursements) and the suspense queue of unmatched statement lines and provider payments. */
export const paymentsProjection: Projection = {
  name: PAYMENTS_PROJECTION,
  version: 1,
  collections: [{ name: REPAYMENT_REFERENCES, indexes: [] }, { name: PAYMENT_SUSPENSE, indexes: ['status'] }],
  handlers: {
    LoanDisbursed: rememberReference,
    // A migrated loan is serviced from its cut-over on: bank transfers naming its reference match it.
    LoanMigrated: rememberReference,
    StatementLineSuspended: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<StatementLineSuspended['data']>;
      const existing = await ctx.get<SuspenseLineDoc>(PAYMENT_SUSPENSE, data.line.bankTxnId);
      // The same bank transaction in an overlapping statement stays one queue entry.
      if (existing) return;
      const doc: SuspenseLineDoc = { id: data.line.bankTxnId, ...data.line, statementId: data.statementId, reason: data.reason, status: 'open', loanId: null, suspendedOn: businessDateOf(raw) };
      ctx.put(PAYMENT_SUSPENSE, doc);
    },
    StatementLineMatched: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<StatementLineMatched['data']>;
      const existing = await ctx.get<SuspenseLineDoc>(PAYMENT_SUSPENSE, data.line.bankTxnId);
      if (existing && existing.status === 'open') ctx.put(PAYMENT_SUSPENSE, { ...existing, status: 'matched', loanId: data.loanId });
    },
    // Money a provider confirmed that no loan could take waits in the same queue as statement lines.
    PaymentConfirmed: (raw, ctx) => {
      const { data } = raw as RecordedEvent<PaymentConfirmed['data']>;
      if (!data.suspense) return;
      const intentId = entityIdOf(raw, 'payment');
      const memo = `${data.suspense.channel} payment ${data.providerTxnId} (intent ${intentId}) for loan ${data.suspense.loanId}: ${data.suspense.detail}`;
      const doc: SuspenseLineDoc = {
        id: data.providerTxnId, bankTxnId: data.providerTxnId, date: businessDateOf(raw), amount: data.amount, currency: data.suspense.currency, memo,
        statementId: raw.streamId, intentId, channel: data.suspense.channel, reason: data.suspense.reason, status: 'open', loanId: null, suspendedOn: businessDateOf(raw),
      };
      ctx.put(PAYMENT_SUSPENSE, doc);
    },
    SuspendedPaymentAssigned: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<SuspendedPaymentAssigned['data']>;
      const existing = await ctx.get<SuspenseLineDoc>(PAYMENT_SUSPENSE, data.reference);
      if (existing) ctx.put(PAYMENT_SUSPENSE, { ...existing, status: 'assigned', loanId: data.loanId });
    },
    SuspenseLineAssigned: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<SuspenseLineAssigned['data']>;
      const existing = await ctx.get<SuspenseLineDoc>(PAYMENT_SUSPENSE, data.bankTxnId);
      if (existing) ctx.put(PAYMENT_SUSPENSE, { ...existing, status: 'assigned', loanId: data.loanId });
    },
  },
};
