import { LEDGER_ACCOUNTS, type LedgerAccount } from '../../domain/loan/ledger-accounts.js';
import { addAmounts, subtractAmounts } from '../../domain/loan/installment.js';
import type { EventStore } from '../../eventstore/port.js';
import type { JournalEntry, LoanLedgerPosition } from '../../projections/models/general-ledger/accounts.js';
import { LEDGER_JOURNAL, LEDGER_LOAN_POSITIONS } from '../../projections/models/general-ledger/general-ledger.js';
import type { ReadStore } from '../../readstore/port.js';
import { LoanStates, loanLogOf } from '../../projections/loan-states.js';
import { loanStream } from '../streams.js';

/** One account of one loan where the ledger's journal and the loan's own figures disagree. */
export interface ReconciliationDifference {
  account: LedgerAccount;
  /** Sum of the loan's journal lines on the account, debit positive. */
  ledger: string;
  /** The loan's figure for the account, from the log. */
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
 * Compares, for every loan the ledger has posted, the sum of its journal lines per account with
 * the loan's figures folded from the log at the same revision. Read-only; a difference means a
 * read model was tampered with or a projector was wrong, and a rebuild from the log repairs it. That
 * the figures a loan shows on the business date are those the log gives (no fact a view folds in is
 * missing from the log, QA 12 Q1) is held by the commands that record them, and checked by
 * test/ledger/ledger-shows-the-loan.property.test.ts: compared here with the shown figures, a loan
 * owing a penalty no close has charged yet would be listed until that night's close.
 *
 * Both sides stand at one point of the log while writes go on (QA 8 N11): the loan is folded through
 * the revision its ledger position records, and only journal entries posted for events at or before
 * that revision's log position are summed — the ledger may have posted later events of the loan
 * between reading its position and reading its journal. The fold starts at the loan's newest
 * snapshot at or before that revision, which the store checks against the stream's hash chain, as
 * the projections fold it (LoanStates): from the first event, a loan of 150 back-dated payments on
 * 360 rows took ten seconds, in which the server answered nothing else (qa15).
 */
export async function reconcileLedger(eventStore: EventStore, readStore: ReadStore): Promise<LedgerReconciliation> {
  const log = loanLogOf(eventStore);
  const items: ReconciliationRow[] = [];
  let loansChecked = 0;
  for await (const position of readStore.scan<LoanLedgerPosition>(LEDGER_LOAN_POSITIONS)) {
    loansChecked += 1;
    const [event] = await eventStore.readStream(loanStream(position.id), { fromRevision: BigInt(position.revision), maxCount: 1 });
    if (event === undefined) throw new Error(`loan ${position.id}: the ledger has posted revision ${position.revision}, which its stream does not hold`);
    const through = event.position;
    const figures = (await new LoanStates(log, 1).after(event)).ledger();
    const ledger = await journalBalances(readStore, position.id, position.currency, through);
    const differences = LEDGER_ACCOUNTS
      .filter((account) => subtractAmounts(ledger[account], figures[account], position.currency) !== subtractAmounts('0', '0', position.currency))
      .map((account) => ({ account, ledger: ledger[account], loan: figures[account] }));
    if (differences.length > 0) items.push({ loanId: position.id, currency: position.currency, revision: position.revision, differences });
  }
  return { loansChecked, items };
}
