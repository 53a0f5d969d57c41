import type { LedgerBalances } from '../../../domain/loan/ledger-accounts.js';
import type { Doc } from '../../../readstore/port.js';

export { LEDGER_ACCOUNTS, type LedgerAccount } from '../../../domain/loan/ledger-accounts.js';
import type { LedgerAccount } from '../../../domain/loan/ledger-accounts.js';

export interface JournalLine {
  account: LedgerAccount;
  side: 'debit' | 'credit';
  amount: string;
}

export type JournalKind =
  | 'disbursement' | 'interest_accrual' | 'penalty_charge' | 'repayment' | 'waiver'
  | 'write_off' | 'recovery' | 'refund' | 'reschedule' | 'reversal' | 'adjustment' | 'opening_balance' | 'charge';

/**
 * A balanced journal entry of a loan event that moved a balance; id = eventId, or
 * `${eventId}:${date}` for the part a close of a missed date books on its night and on the loan's
 * later fact dates (close-on-its-night.ts).
 */
export interface JournalEntry extends Doc {
  eventId: string;
  loanId: string;
  kind: JournalKind;
  /**
   * Business date (YYYY-MM-DD) the entry is booked on; the trial balance filters on it. The
   * event's effective date (`valueDate`), or the loan's latest booking date when that is later: a
   * back-dated fact recorded after later-dated entries is booked with them, never behind them, so
   * a trial balance as of any date shows each loan as one of its real states (no negative
   * receivable from a void booked before the charge it voids). A close of a missed date is not a
   * correction: the accrual or penalty it books on its night is dated then (close-on-its-night.ts);
   * a penalty charged for a date already closed, or recorded by a payment, waiver, write-off or
   * reversal, is (QA 12 Q4).
   */
  date: string;
  /** The event's effective date (YYYY-MM-DD): the date the fact took effect on the loan. */
  valueDate: string;
  currency: string;
  position: string;
  lines: JournalLine[];
}

/** Running totals of one account in one currency; id = `${currency}:${account}`. */
export interface AccountBalance extends Doc {
  currency: string;
  account: LedgerAccount;
  debit: string;
  credit: string;
}

/**
 * What the ledger has posted for one loan: its balance on every account (debit positive) after the
 * loan event at `revision`. The next event posts the difference to the loan's figures after it.
 */
export interface LoanLedgerPosition extends Doc {
  currency: string;
  customerId: string;
  revision: string;
  balances: LedgerBalances;
  /** The latest date an entry of this loan is booked on (null before its first entry). */
  bookedThrough: string | null;
  /** The loan's status after the event at `revision` (it starts or ends a dormant span). */
  status: string;
  /** The loan's last close (LoanState.lastEodDate) as of the event at `revision`, never moving back. */
  judgedThrough: string | null;
  /**
   * Spans (booking date it closed or overpaid → booking date it reopened) no close visited the loan in,
   * and the start of the current one (null while open). With judgedThrough they say which nights a
   * close had judged: a later close's accrual or penalty for such a night is a correction, booked with
   * the loan's latest entries (close-on-its-night.ts, closesOnItsNight; QA 12 Q4). The night's own
   * close never judged it before.
   */
  dormant: { from: string; to: string }[];
  dormantSince: string | null;
  /** When the event at `revision` was a close's fact: that close's business date and judgedThrough before it. Null otherwise. */
  closing: { date: string; judgedThrough: string | null } | null;
  /**
   * The book's last completed close (LedgerBookCloses) when the loan's disbursement (or migration) was
   * posted, null when none had run; absent before it. The book's closes up to it ran without the loan
   * (a loan keyed in late is booked as closing nightly would have booked it); only a later one judged it.
   */
  closedWhenDisbursed?: string | null;
}

export function balanceId(currency: string, account: LedgerAccount): string {
  return `${currency}:${account}`;
}

/**
 * What the ledger knows of the book's closes, one document (id `BOOK_CLOSES_ID`): the latest business
 * date close of business completed for the book (BusinessDayClosed), as of the event being posted. A
 * fact a command records after it is booked no earlier than the day after it, the first night still
 * open, so no trial balance as of a night the book has closed moves (qa-audit: a payment dated 10-20
 * recorded on 12-04 was booked 11-30, the loan's own last close, moving November after the closes of
 * 12-01 … 12-03 had found nothing to record for that loan).
 */
export interface LedgerBookCloses extends Doc {
  closedThrough: string;
}

export const BOOK_CLOSES_ID = 'book';
