import type { RecordedEvent } from '../../../eventstore/port.js';
import type {
  ChargeWaived, InterestAccrued, LoanApplicationSubmitted, LoanDisbursed, LoanWrittenOff, PenaltyCharged,
  RecoveryReceived, RefundIssued, RepaymentReceived,
} from '../../../domain/loan/events.js';
import type { Projection, ProjectionContext, ProjectionHandler } from '../../projection.js';
import { addAmounts } from '../amount.js';
import { businessDateOf, entityIdOf } from '../stream-id.js';
import { balanceId, type AccountBalance, type JournalEntry, type JournalKind, type LoanLedgerPosition } from './accounts.js';
import {
  nonZeroLines, postAccrual, postDisbursement, postRecovery, postRefund, postRepayment, postWaiver, postWriteOff,
  type Posting,
} from './postings.js';

export const LEDGER_JOURNAL = 'ledger_journal';
export const LEDGER_BALANCES = 'ledger_balances';
export const LEDGER_LOAN_POSITIONS = 'ledger_loan_positions';

function openPosition(event: RecordedEvent<LoanApplicationSubmitted['data']>, ctx: ProjectionContext): void {
  const position: LoanLedgerPosition = {
    id: entityIdOf(event, 'loan'),
    currency: event.data.terms.currency,
    customerId: event.data.customerId,
    loan_portfolio: '0',
    interest_receivable: '0',
    fee_receivable: '0',
    penalty_receivable: '0',
    overpayment_liability: '0',
  };
  ctx.put(LEDGER_LOAN_POSITIONS, position);
}

/** Applies an entry to the per-account running balances: one get and one put per touched account. */
async function applyToBalances(entry: JournalEntry, ctx: ProjectionContext): Promise<void> {
  for (const line of entry.lines) {
    const id = balanceId(entry.currency, line.account);
    const balance = (await ctx.get<AccountBalance>(LEDGER_BALANCES, id))
      ?? { id, currency: entry.currency, account: line.account, debit: '0', credit: '0' };
    ctx.put(LEDGER_BALANCES, { ...balance, [line.side]: addAmounts(balance[line.side], line.amount) });
  }
}

/** A handler that books one event of a known loan: the posting decides the lines, this stores them. */
function booking<D>(kind: JournalKind, dateOf: (data: D, event: RecordedEvent) => string, post: (position: LoanLedgerPosition, data: D) => Posting): ProjectionHandler {
  return async (raw, ctx) => {
    const event = raw as RecordedEvent<D>;
    const loanId = entityIdOf(event, 'loan');
    const position = await ctx.get<LoanLedgerPosition>(LEDGER_LOAN_POSITIONS, loanId);
    if (!position) throw new Error(`${event.type} ${event.eventId}: loan ${loanId} has no application in the ledger`);
    const posting = post(position, event.data);
    ctx.put(LEDGER_LOAN_POSITIONS, posting.position);
    const lines = nonZeroLines(posting.lines);
    if (lines.length === 0) return;
    const entry: JournalEntry = {
      id: event.eventId,
      eventId: event.eventId,
      loanId,
      kind,
      date: dateOf(event.data, event),
      currency: position.currency,
      position: event.position.toString(),
      lines,
    };
    ctx.put(LEDGER_JOURNAL, entry);
    await applyToBalances(entry, ctx);
  };
}

/**
 * Double-entry general ledger under the accrual rule: a balanced journal entry per money-moving
 * loan event and running balances per currency and account. An overpayment is booked to the
 * liability by the repayment that carried the excess; `LoanOverpaid` only marks the status.
 */
export const generalLedgerProjection: Projection = {
  name: 'general-ledger',
  version: 1,
  collections: [
    { name: LEDGER_JOURNAL, indexes: ['loanId', 'date'] },
    { name: LEDGER_BALANCES, indexes: ['currency', 'account'] },
    { name: LEDGER_LOAN_POSITIONS, indexes: [] },
  ],
  handlers: {
    LoanApplicationSubmitted: (event, ctx) => openPosition(event as RecordedEvent<LoanApplicationSubmitted['data']>, ctx),
    LoanDisbursed: booking<LoanDisbursed['data']>('disbursement', (d) => d.date, postDisbursement),
    InterestAccrued: booking<InterestAccrued['data']>('interest_accrual', (d) => d.date, (p, d) => postAccrual(p, 'interest', d.amount)),
    PenaltyCharged: booking<PenaltyCharged['data']>('penalty_charge', (d) => d.date, (p, d) => postAccrual(p, 'penalty', d.amount)),
    RepaymentReceived: booking<RepaymentReceived['data']>('repayment', (d) => d.effectiveDate, postRepayment),
    ChargeWaived: booking<ChargeWaived['data']>('waiver', (_d, e) => businessDateOf(e), postWaiver),
    LoanWrittenOff: booking<LoanWrittenOff['data']>('write_off', (d) => d.date, postWriteOff),
    RecoveryReceived: booking<RecoveryReceived['data']>('recovery', (d) => d.effectiveDate, (p, d) => postRecovery(p, d.amount)),
    RefundIssued: booking<RefundIssued['data']>('refund', (d) => d.date, (p, d) => postRefund(p, d.amount)),
  },
};
