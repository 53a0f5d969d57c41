import { loanFigures } from '../../domain/loan/figures.js';
import { LEDGER_ACCOUNTS, type LedgerAccount } from '../../domain/loan/ledger-accounts.js';
import { addAmounts, subtractAmounts } from '../../domain/loan/installment.js';
import { evolveLoan } from '../../domain/loan/evolve.js';
import type { LoanEvent } from '../../domain/loan/events.js';
import { owedOn, penaltiesOwedBy } from '../../domain/loan/penalties-owed-by.js';
import { initialLoanState, type LoanState } from '../../domain/loan/state.js';
import type { LedgerBalances } from '../../domain/loan/ledger-accounts.js';
import type { EventStore } from '../../eventstore/port.js';
import type { JournalEntry, LoanLedgerPosition } from '../../projections/models/general-ledger/accounts.js';
import { LEDGER_JOURNAL, LEDGER_LOAN_POSITIONS } from '../../projections/models/general-ledger/general-ledger.js';
import type { ReadStore } from '../../readstore/port.js';
import { loanStream } from '../streams.js';
import { processReplayMemo } from '../../commands/bounded-replay-memo.js';

/** One account of one loan where the ledger's journal and the loan's own figures disagree. */
export interface ReconciliationDifference {
  account: LedgerAccount;
  /** Sum of the loan's journal lines on the account, debit positive. */
  ledger: string;
  /**
   * What the ledger must hold for the account: the loan's figure as the loan shows it on the business
   * date (the penalties owed by then folded in, as GET /v1/loans/:id does), less those penalties while
   * no close has charged them yet (their receivable and income are booked when charged, at the latest
   * by that night's close). A difference anywhere else, the principal above all, is a shown figure the
   * books do not carry (QA 12 Q1: a reversal's owed penalties left repaid principal overstated).
   */
  loan: string;
}

export interface ReconciliationRow {
  loanId: string;
  currency: string;
  /** The loan's stream revision both sides were compared at. */
  revision: string;
  differences: ReconciliationDifference[];
}

export interface LedgerReconciliation {
  loansChecked: number;
  /** Every loan whose ledger balances differ from its figures: always empty while the ledger posts by difference. */
  items: ReconciliationRow[];
}

/** The loan's journal lines per account, counting only entries posted for events at or before log position `through`. */
async function journalBalances(readStore: ReadStore, loanId: string, currency: string, through: bigint): Promise<Record<LedgerAccount, string>> {
  const zero = subtractAmounts('0', '0', currency);
  const sums = Object.fromEntries(LEDGER_ACCOUNTS.map((a) => [a, zero])) as Record<LedgerAccount, string>;
  let cursor: string | null = null;
  do {
    const page: { items: JournalEntry[]; nextCursor: string | null } = await readStore.find<JournalEntry>(LEDGER_JOURNAL, { where: { loanId }, limit: 500, cursor });
    for (const entry of page.items) {
      if (BigInt(entry.position) > through) continue;
      for (const line of entry.lines) {
        sums[line.account] = line.side === 'debit' ? addAmounts(sums[line.account], line.amount, currency) : subtractAmounts(sums[line.account], line.amount, currency);
      }
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return sums;
}

/**
 * The loan's figures per ledger account as the ledger must hold them on business date `today`: as the
 * loan shows them that day (owedOn: penalties owed by then that no close has charged yet folded in),
 * less the receivable and income of those penalties, which only their charge books. Equal to its
 * figures from the log alone unless an uncharged penalty is dated before a payment that now pays it.
 */
export function ledgerFiguresShown(state: LoanState, today: string): LedgerBalances {
  const shown = loanFigures(owedOn(state, today)).ledger;
  const currency = state.currency;
  let pending = subtractAmounts('0', '0', currency);
  for (const penalty of penaltiesOwedBy(state, today, 'RepaymentReceived')) pending = addAmounts(pending, penalty.data.amount, currency);
  return {
    ...shown,
    penalty_receivable: subtractAmounts(shown.penalty_receivable, pending, currency),
    penalty_income: addAmounts(shown.penalty_income, pending, currency),
  };
}

/**
 * Compares, for every loan the ledger has posted, the sum of its journal lines per account with
 * the loan's figures as it shows them on business date `today` (ledgerFiguresShown), folded from the
 * log at the same revision. Read-only; a difference means a read model was tampered with, a
 * projector was wrong (a rebuild from the log repairs it), or the log lacks a fact the loan view
 * folds in (QA 12 Q1).
 *
 * Both sides stand at one point of the log while writes go on (QA 8 N11): the loan is folded through
 * the revision its ledger position records, and only journal entries posted for events at or before
 * that revision's log position are summed — the ledger may have posted later events of the loan
 * between reading its position and reading its journal.
 */
export async function reconcileLedger(eventStore: EventStore, readStore: ReadStore, today: string): Promise<LedgerReconciliation> {
  const items: ReconciliationRow[] = [];
  let loansChecked = 0;
  for await (const position of readStore.scan<LoanLedgerPosition>(LEDGER_LOAN_POSITIONS)) {
    loansChecked += 1;
    const revision = BigInt(position.revision);
    const state = initialLoanState();
    let through = 0n;
    for (const event of await eventStore.readStream(loanStream(position.id), { maxCount: Number(revision) + 1 })) {
      evolveLoan(state, { type: event.type, data: event.data } as LoanEvent, processReplayMemo);
      through = event.position;
    }
    const figures = ledgerFiguresShown(state, today);
    const ledger = await journalBalances(readStore, position.id, position.currency, through);
    const differences = LEDGER_ACCOUNTS
      .filter((account) => subtractAmounts(ledger[account], figures[account], position.currency) !== subtractAmounts('0', '0', position.currency))
      .map((account) => ({ account, ledger: ledger[account], loan: figures[account] }));
    if (differences.length > 0) items.push({ loanId: position.id, currency: position.currency, revision: position.revision, differences });
  }
  return { loansChecked, items };
}
