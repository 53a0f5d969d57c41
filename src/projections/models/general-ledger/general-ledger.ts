import { addDays } from '../../../domain/calendar.js';
import { addAmounts, isZeroText, subtractAmounts } from '../../../domain/loan/installment.js';
import { LEDGER_ACCOUNTS, type LedgerBalances } from '../../../domain/loan/ledger-accounts.js';
import type { RecordedEvent } from '../../../eventstore/port.js';
import { closeOnItsNight, closesOnItsNight, isCloseFact, latestFactDate, recordedForUnjudgedNight } from './close-on-its-night.js';
import type { Projection, ProjectionContext } from '../../projection.js';
import { LOAN_EVENT_TYPES } from '../event-types.js';
import { businessDateOf, entityIdOf, entityIdsOf } from '../stream-id.js';
import { balanceId, BOOK_CLOSES_ID, type AccountBalance, type JournalEntry, type JournalKind, type JournalLine, type LedgerBookCloses, type LoanLedgerPosition } from './accounts.js';

export const LEDGER_JOURNAL = 'ledger_journal';
export const LEDGER_BALANCES = 'ledger_balances';
export const LEDGER_LOAN_POSITIONS = 'ledger_loan_positions';
export const LEDGER_BOOK_CLOSES = 'ledger_book_closes';

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
    // Most events move a few accounts: the same text on both sides is no line, without parsing either.
    if (after[account] === before[account]) continue;
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
  const after = loan.ledger();
  const valueDate = valueDateOf(event);
  const bookedThrough = previous?.bookedThrough ?? null;
  const closing = closingOf(event, previous);
  const dormant = previous?.dormant ?? [];
  // A close of a missed date, or a penalty a command recorded first for a night no close had judged (qa21 #7).
  const onItsNight = closing !== null
    ? closesOnItsNight(event, closing.date, closing.judgedThrough, dormant)
    : recordedForUnjudgedNight(event, previous?.judgedThrough ?? null, dormant);
  // Never booked behind the loan's latest entry (see JournalEntry.date), except what a close of a
  // missed date books as that night's close would have (close-on-its-night.ts), the rest on the
  // latest date the loan holds a fact on, entry or not (latestFactDate).
  const latestFact = onItsNight ? latestFactDate(state) : null;
  // A fact no close records (a payment, waiver, reversal, charge) is booked no earlier than the last night a close
  // judged the loan on either, entry or not: a non-performing loan's closes record penalties and suspended days that
  // post nothing, so a back-dated payment went to the day it turned NPA, in a month already closed (qa19 R1); and no
  // earlier than the first night the book's closes left open (LedgerBookCloses), which may be later than the loan's own.
  const judged = closing === null ? previous?.judgedThrough ?? null : null;
  const book = await bookClosedThrough(ctx);
  const open = closing === null ? firstOpenNight(book, previous) : null;
  const floor = [latestFact, bookedThrough, judged, open].reduce<string | null>((a, b) => (a === null || (b !== null && b > a) ? b : a), null);
  const date = floor !== null && floor > valueDate ? floor : valueDate;
  const nights = onItsNight && date !== valueDate ? closeOnItsNight(event, state, valueDate, date) : [];
  const entries: { id: string; date: string; lines: JournalLine[] }[] = [];
  let posted = before;
  for (const night of nights) {
    const target = addBalances(before, differenceOf(night.after, night.before, currency), currency);
    entries.push({ id: `${event.eventId}:${night.date}`, date: night.date, lines: differenceLines(posted, target, currency) });
    posted = target;
  }
  entries.push({ id: event.eventId, date, lines: differenceLines(posted, after, currency) });
  const booked = entries.filter((entry) => entry.lines.length > 0);
  ctx.put(LEDGER_LOAN_POSITIONS, {
    id: loanId, currency, customerId: state.customerId ?? '', revision: event.revision.toString(), balances: after,
    bookedThrough: booked.length === 0 ? bookedThrough : date, status: state.status, judgedThrough: laterDate(previous?.judgedThrough ?? null, state.lastEodDate),
    ...dormancyAfter(previous, state.status, date), closing,
    closedWhenDisbursed: previous?.closedWhenDisbursed !== undefined ? previous.closedWhenDisbursed : ENTERS_BOOK.has(event.type) ? book : undefined,
  });
  for (const { id, date: on, lines } of booked) {
    const entry: JournalEntry = {
      id, eventId: event.eventId, loanId, kind: KIND[event.type] ?? 'adjustment', date: on, valueDate, currency, position: event.position.toString(), lines,
    };
    ctx.put(LEDGER_JOURNAL, entry);
    await applyToBalances(entry, ctx);
  }
}

/** Records the book's close (BusinessDayClosed): the latest business date closed, never moving back. */
async function recordBookClose(event: RecordedEvent, ctx: ProjectionContext): Promise<void> {
  const { date } = event.data as { date: string };
  const known = await ctx.get<LedgerBookCloses>(LEDGER_BOOK_CLOSES, BOOK_CLOSES_ID);
  if (known === null || date > known.closedThrough) ctx.put(LEDGER_BOOK_CLOSES, { id: BOOK_CLOSES_ID, closedThrough: date });
}

/**
 * The close `event` belongs to, if it is a close's fact: its business date and the date the loan was
 * judged through before it (as one close appends its overdue rows before its penalties and accrual,
 * the mark before its first event); a later close's facts start a new one. Null for any other event.
 */
function closingOf(event: RecordedEvent, previous: LoanLedgerPosition | null): LoanLedgerPosition['closing'] {
  if (!isCloseFact(event)) return null;
  const date = businessDateOf(event);
  if (previous?.closing?.date === date) return previous.closing;
  return { date, judgedThrough: previous?.judgedThrough ?? null };
}

/** The book's last completed close (BusinessDayClosed) as of the event being posted, null before the first. */
async function bookClosedThrough(ctx: ProjectionContext): Promise<string | null> {
  return (await ctx.get<LedgerBookCloses>(LEDGER_BOOK_CLOSES, BOOK_CLOSES_ID))?.closedThrough ?? null;
}

/** The events that put a loan on the book the closes visit. */
const ENTERS_BOOK = new Set(['LoanDisbursed', 'LoanMigrated']);

/**
 * The first night still open for a fact a command records on the loan: the day after the book's last
 * close, when a close has judged the loan since it was disbursed; else null (no floor). The book's closes
 * before a loan keyed in late ran without it, so what it is keyed in with is booked as closing nightly
 * would have booked it (its first close catches its nights up on their dates).
 */
function firstOpenNight(book: string | null, previous: LoanLedgerPosition | null): string | null {
  const disbursed = previous?.closedWhenDisbursed;
  if (book === null || disbursed === undefined || (disbursed !== null && book <= disbursed)) return null;
  return addDays(book, 1);
}

/** The later of two dates, null standing for none. */
function laterDate(a: string | null, b: string | null): string | null {
  return a === null || (b !== null && b > a) ? b : a;
}

const OPEN = new Set(['active', 'overdue']);
const FINISHED = new Set(['closed', 'overpaid']);

/**
 * The spans the loan lay closed or overpaid, once the event booked on `booked` is posted: one runs from
 * the booking date of the event that closed it (a payment back-dated to close it was recorded open
 * until then: the closes before saw it so, or missed it) to that of the one that reopened it (a
 * reversal). No close visits such a loan, so each night of a span was judged: nothing was owed.
 */
function dormancyAfter(previous: LoanLedgerPosition | null, status: string, booked: string): Pick<LoanLedgerPosition, 'dormant' | 'dormantSince'> {
  const dormant = previous?.dormant ?? [];
  const since = previous?.dormantSince ?? null;
  const was = previous?.status ?? '';
  if (OPEN.has(was) && FINISHED.has(status)) return { dormant, dormantSince: booked };
  if (FINISHED.has(was) && OPEN.has(status) && since !== null) return { dormant: [...dormant, { from: since, to: booked }], dormantSince: null };
  return { dormant, dormantSince: since };
}

/** Per account, `after` − `before`. */
function differenceOf(after: LedgerBalances, before: LedgerBalances, currency: string): LedgerBalances {
  return Object.fromEntries(LEDGER_ACCOUNTS.map((a) => [a, subtractAmounts(after[a], before[a], currency)])) as LedgerBalances;
}

/** Per account, `balances` + `delta`. */
function addBalances(balances: LedgerBalances, delta: LedgerBalances, currency: string): LedgerBalances {
  return Object.fromEntries(LEDGER_ACCOUNTS.map((a) => [a, addAmounts(balances[a], delta[a], currency)])) as LedgerBalances;
}

/**
 * Double-entry general ledger under the accrual rule (DOMAIN.md "Accounting"): a balanced journal
 * entry for every loan event that moved one of the loan's balances, and running balances per
 * currency and account. Each loan's position holds what was posted for it, per account.
 */
export const generalLedgerProjection: Projection = {
  name: 'general-ledger',
  version: 13, // 13: a fact a command records is booked no earlier than the day after the book's last completed close (BusinessDayClosed, ledger_book_closes), not only the loan's own last close (a payment dated 10-20 recorded on 12-04 went to 11-30, moving a closed month); a penalty a payment, waiver, write-off or reversal records first for a night no close had judged (after the last close the command was told, PenaltyCharged.lastClose) is booked on its night as that night's close would have, not as a late correction on the loan's latest booking date (qa21 #7); 12: a loan with an officer charge applied after its row fell due is non-performing by the class's days past due on each day, counted from the charge once that is all a row owes (past-due-spans.ts), not from the row's due date; 11: a non-performing loan's unpaid penalties, and fees falling due on its non-performing days, are off the books, income only as cash pays them (DOMAIN.md "NPA loans stop accruing"; figures.ts penaltiesBooked, feeSplit); 10: a migrated loan's legacy rows no longer read as owed until the first fact after the cut-over, so its interest is not suspended as non-performing for those days (qa18 D3); 9: a close's accrual or penalty dated the night that close closes is booked on it, though the loan lay paid off then (a catch-up after a reversal reopened it: no close had judged that night); 8: a row re-based by a prepayment (or a payoff) keeps what it had earned on every earlier day (InterestRebase.earlier), so interest recognised through a date before a later re-basing, and the entries posting it, can move by a cent; 7: a close's accrual or penalty is booked on its night only for a date the loan's closes had not judged (positions keep status, judgedThrough, dormant spans and the close being posted), any other penalty with the loan's latest entries; 6: a close's fact after a later-dated fact with no entry books its night as that night knew it, the rest on that fact's date; 5: a close of a missed date books on its night what that close would have booked; 2: entries are differences of the loan's figures; 3: booked never behind the loan's latest entry; 4: received_in_advance (interest and fees paid before accruals earn them) and interest_in_suspense (capitalised interest of non-performing days)
  collections: [
    { name: LEDGER_JOURNAL, indexes: ['loanId', 'date'] },
    { name: LEDGER_BALANCES, indexes: ['currency', 'account'] },
    { name: LEDGER_LOAN_POSITIONS, indexes: [] },
    { name: LEDGER_BOOK_CLOSES, indexes: [] },
  ],
  handlers: { ...Object.fromEntries(LOAN_EVENT_TYPES.map((type) => [type, postLoanEvent])), BusinessDayClosed: recordBookClose },
  prefetch: async (events, ctx) => {
    await ctx.prefetch(LEDGER_LOAN_POSITIONS, entityIdsOf(events, 'loan'));
    await ctx.prefetch(LEDGER_BOOK_CLOSES, [BOOK_CLOSES_ID]);
  },
};
