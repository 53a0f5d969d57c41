import { loanStream } from '../app/streams.js';
import { evolveLoan } from '../domain/loan/evolve.js';
import type { LoanEvent } from '../domain/loan/events.js';
import { loanFigures } from '../domain/loan/figures.js';
import { initialLoanState, type LoanState } from '../domain/loan/state.js';
import { minorOf } from '../domain/money.js';
import { formatMinor } from '../domain/schedule/minor-units.js';
import type { EventStore } from '../eventstore/port.js';
import type { CheckedLoan, Owed } from './check-book.js';
import { processReplayMemo } from '../commands/bounded-replay-memo.js';

/** One loan: what the file says it owes at cut-over and what lendcore's figures say, per component. */
export interface LoanReconciliation {
  legacyId: string;
  loanId: string;
  status: string;
  file: Owed;
  lendcore: Owed;
  matches: boolean;
}

export interface BookReconciliation {
  loans: LoanReconciliation[];
  total: { file: Owed; lendcore: Owed; matches: boolean };
}

const FIELDS = ['principal', 'interest', 'fees', 'penalties'] as const;

/** The loan as LoanMigrated left it (later servicing, on a re-run, is not what the file describes). */
async function migratedState(store: EventStore, loanId: string): Promise<LoanState> {
  const state = initialLoanState();
  for (const event of await store.readStream(loanStream(loanId))) {
    evolveLoan(state, { type: event.type, data: event.data } as LoanEvent, processReplayMemo);
    if (event.type === 'LoanMigrated') break;
  }
  return state;
}

function sum(rows: Owed[]): Owed {
  const total = (field: (typeof FIELDS)[number]) => formatMinor(rows.reduce((s, r) => s + minorOf(r[field], 2), 0n), 2);
  return { principal: total('principal'), interest: total('interest'), fees: total('fees'), penalties: total('penalties') };
}

const same = (a: Owed, b: Owed) => FIELDS.every((f) => minorOf(a[f], 2) === minorOf(b[f], 2));

/**
 * Compares, to the cent, each loan's outstanding principal, interest, fees and penalties in the
 * file with lendcore's figures (loanFigures, as of the cut-over) of the loan as migrated.
 */
export async function reconcileBook(store: EventStore, loans: { loan: CheckedLoan; loanId: string }[], cutoverDate: string): Promise<BookReconciliation> {
  const rows: LoanReconciliation[] = [];
  for (const { loan, loanId } of loans) {
    const state = await migratedState(store, loanId);
    const { outstanding } = loanFigures(state, cutoverDate);
    const lendcore = { principal: outstanding.principal, interest: outstanding.interest, fees: outstanding.fees, penalties: outstanding.penalties };
    rows.push({ legacyId: loan.row.legacy_loan_id, loanId, status: state.status, file: loan.owed, lendcore, matches: state.status !== 'none' && same(loan.owed, lendcore) });
  }
  const file = sum(rows.map((r) => r.file));
  const lendcore = sum(rows.map((r) => r.lendcore));
  return { loans: rows, total: { file, lendcore, matches: rows.every((r) => r.matches) && same(file, lendcore) } };
}
