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

/** id = the bank txn id of a statement line that could not be matched. */
export interface SuspenseLineDoc extends Doc, StatementLine {
  statementId: string;
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

/** Bank-transfer matching: reference → loans (from disbursements) and the suspense queue of unmatched statement lines. */
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
    SuspenseLineAssigned: async (raw, ctx) => {
      const { data } = raw as RecordedEvent<SuspenseLineAssigned['data']>;
      const existing = await ctx.get<SuspenseLineDoc>(PAYMENT_SUSPENSE, data.bankTxnId);
      if (existing) ctx.put(PAYMENT_SUSPENSE, { ...existing, status: 'assigned', loanId: data.loanId });
    },
  },
};
