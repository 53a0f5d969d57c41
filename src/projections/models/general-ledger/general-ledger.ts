import { addAmounts, isZeroText, subtractAmounts } from '../../../domain/loan/installment.js';
import { LEDGER_ACCOUNTS, type LedgerBalances } from '../../../domain/loan/ledger-accounts.js';
import type { RecordedEvent } from '../../../eventstore/port.js';
import type { Projection, ProjectionContext } from '../../projection.js';
import { LOAN_EVENT_TYPES } from '../event-types.js';
import { businessDateOf, entityIdOf } from '../stream-id.js';
import { balanceId, type AccountBalance, type JournalEntry, type JournalKind, type JournalLine, type LoanLedgerPosition } from './accounts.js';

export const LEDGER_JOURNAL = 'ledger_journal';
export const LEDGER_BALANCES = 'ledger_balances';
export const LEDGER_LOAN_POSITIONS = 'ledger_loan_positions';

const KIND: Record<string, JournalKind> = {
  LoanDisbursed: 'disbursement',
  InterestAccrued: 'interest_accrual',
  PenaltyCharged: 'penalty_charge',
  RepaymentReceived: 'repayment',
  RepaymentReversed: 'reversal',
  ChargeWaived: 'waiver',
  ChargeApplied: 'charge',
  LoanWrittenOff: 'write_off',
  RecoveryReceived: 'recovery',
  RecoveryReversed: 'reversal',
  RefundIssued: 'refund',
  LoanRescheduled: 'reschedule',
  // A migrated loan's balances as of its cut-over date (booked on that date: the event's business date).
  LoanMigrated: 'opening_balance',
};

/** The date an event takes effect on the loan: its effective date, else the day it happened. */
function valueDateOf(event: RecordedEvent): string {
  const data = event.data as { effectiveDate?: unknown; date?: unknown };
  if (typeof data.effectiveDate === 'string') return data.effectiveDate;
  if (typeof data.date === 'string') return data.date;
  return businessDateOf(event);
}

function zeroBalances(currency: string): LedgerBalances {
  const zero = subtractAmounts('0', '0', currency);
  return Object.fromEntries(LEDGER_ACCOUNTS.map((a) => [a, zero])) as LedgerBalances;
}

/** The lines that take each account from `before` to `after`: a positive difference is a debit. Balanced when both sum to zero. */
export function differenceLines(before: LedgerBalances, after: LedgerBalances, currency: string): JournalLine[] {
  const lines: JournalLine[] = [];
  for (const account of LEDGER_ACCOUNTS) {
    const delta = subtractAmounts(after[account], before[account], currency);
    if (isZeroText(delta)) continue;
    lines.push(delta.startsWith('-')
      ? { account, side: 'credit', amount: delta.slice(1) }
      : { account, side: 'debit', amount: delta });
  }
  return lines;
}

/** Applies an entry to the per-account running balances: one get and one put per touched account. */
async function applyToBalances(entry: JournalEntry, ctx: ProjectionContext): Promise<void> {
  for (const line of entry.lines) {
    const id = balanceId(entry.currency, line.account);
    const balance = (await ctx.get<AccountBalance>(LEDGER_BALANCES, id))
      ?? { id, currency: entry.currency, account: line.account, debit: '0', credit: '0' };
    ctx.put(LEDGER_BALANCES, { ...balance, [line.side]: addAmounts(balance[line.side], line.amount, entry.currency) });
  }
}

/**
 * Posts one loan event: the difference, per account, between the loan's ledger balances from its
 * figures after the event and what the ledger had posted for it before. So the ledger reconciles
 * to the loan by construction, through back-dated re-allocation, voided penalties, waivers,
 * reschedules, write-offs, refunds and closing alike.
 */
async function postLoanEvent(event: RecordedEvent, ctx: ProjectionContext): Promise<void> {
  const loanId = entityIdOf(event, 'loan');
  const loan = await ctx.loans.after(event);
  const state = loan.state;
  if (state.loanId === null) throw new Error(`${event.type} ${event.eventId}: loan ${loanId} has no application in the ledger`);
  const previous = await ctx.get<LoanLedgerPosition>(LEDGER_LOAN_POSITIONS, loanId);
  const currency = state.currency;
  const before = previous?.balances ?? zeroBalances(currency);
  const after = loan.figures().ledger;
  const lines = differenceLines(before, after, currency);
  const valueDate = valueDateOf(event);
  const bookedThrough = previous?.bookedThrough ?? null;
  // Never booked behind the loan's latest entry (see JournalEntry.date).
  const date = bookedThrough !== null && bookedThrough > valueDate ? bookedThrough : valueDate;
  ctx.put(LEDGER_LOAN_POSITIONS, {
    id: loanId, currency, customerId: state.customerId ?? '', revision: event.revision.toString(), balances: after,
    bookedThrough: lines.length === 0 ? bookedThrough : date,
  });
  if (lines.length === 0) return;
  const entry: JournalEntry = {
    id: event.eventId,
    eventId: event.eventId,
    loanId,
    kind: KIND[event.type] ?? 'adjustment',
    date,
    valueDate,
    currency,
    position: event.position.toString(),
    lines,
  };
  ctx.put(LEDGER_JOURNAL, entry);
  await applyToBalances(entry, ctx);
}

/**
 * Double-entry general ledger under the accrual rule (DOMAIN.md "Accounting"): a balanced journal
 * entry for every loan event that moved one of the loan's balances, and running balances per
 * currency and account. Each loan's position holds what was posted for it, per account.
 */
export const generalLedgerProjection: Projection = {
  name: 'general-ledger',
  version: 4, // 2: entries are differences of the loan's figures; 3: booked never behind the loan's latest entry; 4: received_in_advance (interest and fees paid before accruals earn them) and interest_in_suspense (capitalised interest of non-performing days)
  collections: [
    { name: LEDGER_JOURNAL, indexes: ['loanId', 'date'] },
    { name: LEDGER_BALANCES, indexes: ['currency', 'account'] },
    { name: LEDGER_LOAN_POSITIONS, indexes: [] },
  ],
  handlers: Object.fromEntries(LOAN_EVENT_TYPES.map((type) => [type, postLoanEvent])),
};
