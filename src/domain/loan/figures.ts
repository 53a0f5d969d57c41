import { daysBetween } from '../calendar.js';
import { minorOf, minorUnits } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import { earnedMinor, performingEarnedMinor } from './accrual.js';
import { COMPONENTS, owedMinor } from './installment.js';
import { unpaidSince } from './delinquency.js';
import { LEDGER_ACCOUNTS, type LedgerAccount, type LedgerBalances } from './ledger-accounts.js';
import { nonPerformingOn, suspendedSpans } from './non-performing-days.js';
import { loanContext } from './payoff.js';
import { paymentRecords } from './payment-book.js';
import type { Component, DaySpan, Installment, LoanContext, LoanState } from './state.js';

/** What remains on the schedule per component (Fineract's loan summary), in the loan's currency. */
export interface Outstanding {
  principal: string;
  interest: string;
  fees: string;
  penalties: string;
  /** Everything owed: the four components plus a refund owed back (LoanFigures.refundDue). */
  total: string;
}

/**
 * A loan's figures at a business date: the one owner of every balance the read models, the
 * ledger and the reports show. Amounts are decimal strings in the loan's currency.
 */
export interface LoanFigures {
  currency: string;
  /** What remains on the schedule; zero once closed or written off. */
  outstanding: Outstanding;
  /** Interest, fees and penalties recognised (accrued or charged) and not yet paid. */
  receivable: { interest: string; fees: string; penalties: string };
  /** Money received beyond every balance and not yet refunded (negative when a refund went out against a payment since reversed). */
  creditBalance: string;
  /** A refund paid out against a repayment since reversed: owed back by the borrower (zero otherwise). */
  refundDue: string;
  /** The oldest installment still owed anything: its due date and amount (null when none is). */
  nextDue: { date: string; amount: string } | null;
  /**
   * The earliest date from which an amount still owed counts past due (unpaidSince: a row's due
   * date, or for a row owing only officer charges applied after it fell due, the earliest such
   * charge's date); null when nothing is owed. Days past due at any date run from it.
   */
  unpaidSince: string | null;
  /** unpaidSince when it is before `asOf` (the date days past due run from), else null. */
  oldestUnpaidDueDate: string | null;
  /** `asOf` − oldestUnpaidDueDate in days (never more than the days since the oldest unpaid charge was applied when a charge is all a row owes); 0 when nothing is past due or the loan no longer owes. */
  daysPastDue: number;
  /** The loan's balance on every ledger account (debit positive); what the general ledger must hold for it. */
  ledger: LedgerBalances;
}

const OUTSTANDING_FIELD: Record<Component, keyof Outstanding> = { principal: 'principal', interest: 'interest', fee: 'fees', penalty: 'penalties' };

/** One installment's interest or fees as the ledger splits them, in minor units. */
interface RowSplit {
  /** Recognised as income. */
  income: bigint;
  /** Recognised and not yet paid. */
  receivable: bigint;
  /** Paid before it was earned (interest of days not yet accrued through) or fell due (fees): a liability until then. */
  advance: bigint;
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/**
 * Interest of one installment with accruals posted through `through` (DOMAIN.md "Accounting",
 * accrual basis). Income is what it earned by then on days the loan performed (interest earned on
 * the `suspended` days it was non-performing is not income until paid), never more than it can
 * still collect (waived interest is never accrued). Interest paid for days accruals have not yet
 * reached is received in advance, not income: the accrual that passes those days earns it. A
 * `finished` loan (closed, overpaid or written off) accrues no more, so all it was paid is earned.
 */
function interestSplit(inst: Installment, through: string | null, ctx: LoanContext, places: number, suspended: readonly DaySpan[], finished: boolean): RowSplit {
  const paid = minorOf(inst.paid.interest, places);
  const collectable = minorOf(inst.due.interest, places) - minorOf(inst.waived.interest, places);
  const earned = through === null ? 0n : earnedMinor(inst, through, ctx, places);
  const ran = finished ? collectable : through === null ? 0n : min(earned, collectable);
  // performingEarnedMinor is earnedMinor less the suspended days' share: with none suspended, `earned`.
  const performing = through === null ? 0n : min(suspended.length === 0 ? earned : performingEarnedMinor(inst, through, ctx, places, suspended), collectable);
  return { income: max(performing, min(paid, ran)), receivable: max(performing - paid, 0n), advance: max(paid - ran, 0n) };
}

/**
 * Fees are income when their installment falls due (with accruals); paid before that they are
 * received in advance. A fee falling due on a day the loan was non-performing (one of the
 * `suspended` days its interest is suspended for) is not income until paid, as that interest is not
 * (DOMAIN.md "NPA loans stop accruing"): which fees were booked depended on where the last accrual
 * reached, so an NPA loan booked row 4's fee (due 08-05, inside the 08-31 posting) and not rows 5-7's
 * (qa19 Q3); nor is an officer's fee applied to it after it fell due on a day the loan was
 * non-performing (`chargedWhileNpa`, minor units; qa20 R4: a document fee applied to a loan 202 days
 * past due was income at once). A `finished` loan (closed, overpaid or written off) accrues no more:
 * all it was paid is earned.
 */
function feeSplit(inst: Installment, through: string | null, places: number, suspended: readonly DaySpan[], finished: boolean, chargedWhileNpa: bigint): RowSplit {
  const paid = minorOf(inst.paid.fee, places);
  const collectable = minorOf(inst.due.fee, places) - minorOf(inst.waived.fee, places);
  const fallenDue = through !== null && inst.dueDate <= through ? collectable : 0n;
  const ran = finished ? max(fallenDue, min(paid, collectable)) : fallenDue;
  const dueWhileNpa = fallenDue > 0n && suspended.some((span) => span.from <= inst.dueDate && inst.dueDate <= span.to);
  const performing = dueWhileNpa ? 0n : max(fallenDue - chargedWhileNpa, 0n);
  return { income: max(performing, min(paid, ran)), receivable: max(performing - paid, 0n), advance: max(paid - ran, 0n) };
}

/** True once the loan accrues no more: closed, overpaid or written off. */
function isFinished(state: LoanState): boolean {
  return state.status === 'closed' || state.status === 'overpaid' || state.status === 'written_off';
}

/** Cash received by repayments that stand (reversed ones went back). */
function sumPayments(state: LoanState, places: number): bigint {
  const reversed = new Set(state.reversed);
  let sum = 0n;
  for (const payment of paymentRecords(state.payments)) if (!reversed.has(payment.reference)) sum += minorOf(payment.amount, places);
  return sum;
}

/**
 * The penalties owed and unpaid (`unpaid`, minor units) the books carry as receivable and income:
 * all of them while the loan performs, none while it is non-performing (nonPerformingOn, as its
 * interest is suspended) on the last day its income was judged — the later of the day its accruals
 * are posted through and the day its latest penalty was charged. DOMAIN.md "NPA loans stop
 * accruing", after RBI's income-recognition norms (IRAC 2.1, 3.2: on an account turning NPA,
 * penalties and charges accrued and not realised are reversed out of income) and Fineract, which
 * stops accruing penalties on NPA loans: the posting or penalty that finds the loan non-performing
 * takes its unpaid penalties off the books, a penalty charged while it stays so is not booked, and
 * cash that pays a penalty then is income when received; a history change that cures those days, or
 * the first posting after a cure, books again what it still owes. Judged only on the days a close
 * posts interest or charges a penalty (each booked on its own night), so a catch-up over missed
 * dates books each night as closing it would have. The borrower still owes every penalty
 * (outstanding, payoff, claim).
 */
function penaltiesBooked(state: LoanState, unpaid: bigint, npaOn: (day: string) => boolean): bigint {
  if (unpaid === 0n) return 0n;
  let judged = state.interestAccruedThrough;
  for (const penalty of state.penalties) if (judged === null || penalty.date > judged) judged = penalty.date;
  for (const charge of state.charges) if (charge.component === 'penalty' && (judged === null || charge.date > judged)) judged = charge.date;
  return judged !== null && npaOn(judged) ? 0n : unpaid;
}

/**
 * Officer fee charges applied after their row fell due, on a day the loan was non-performing
 * (nonPerformingOn), summed per row number in minor units: read once per ledger, not per row (empty,
 * and free, for a loan with no charges).
 */
function feesChargedWhileNpa(state: LoanState, places: number, npaOn: (day: string) => boolean): Map<number, bigint> {
  const sums = new Map<number, bigint>();
  for (const charge of state.charges) {
    const row = state.installments[charge.number - 1];
    if (charge.component !== 'fee' || row === undefined || charge.date <= row.dueDate) continue;
    if (npaOn(charge.date)) {
      sums.set(charge.number, (sums.get(charge.number) ?? 0n) + minorOf(charge.amount, places));
    }
  }
  return sums;
}

/** A loan's balance on every ledger account in minor units of its currency, debit positive; they sum to zero. */
export type LedgerMinor = Record<LedgerAccount, bigint>;

/**
 * The loan's ledger balances in minor units: the one owner of how each account follows from the
 * loan's state (loanFigures' `ledger` is these, formatted). Pure; needs only the rows' principal
 * owed, their income, receivable and advance splits and the loan's cash, so the general ledger,
 * which posts the difference of these balances after every event, pays for nothing else. The
 * balances sum to zero: every amount recognised, received or paid out sits on exactly one debit
 * and one credit account, so the ledger reconciles to the loan by construction.
 */
export function ledgerMinor(state: LoanState): LedgerMinor {
  const places = minorUnits(state.currency);
  let owedPrincipal = 0n;
  const recognised = { interest: 0n, fee: 0n };
  let penaltiesPaid = 0n;
  const unpaid = { interest: 0n, fee: 0n, penalty: 0n };
  let advance = 0n;
  const through = state.interestAccruedThrough;
  const ctx = loanContext(state);
  const finished = isFinished(state);
  const suspended = suspendedSpans(state, through);
  const npaOn = nonPerformingOn(state);
  const chargedWhileNpa = feesChargedWhileNpa(state, places, npaOn);
  for (const inst of state.installments) {
    owedPrincipal += owedMinor(inst, 'principal', places);
    const interest = interestSplit(inst, through, ctx, places, suspended, finished);
    const fee = feeSplit(inst, through, places, suspended, finished, chargedWhileNpa.get(inst.number) ?? 0n);
    const penaltyPaid = minorOf(inst.paid.penalty, places);
    recognised.interest += interest.income;
    recognised.fee += fee.income;
    penaltiesPaid += penaltyPaid;
    unpaid.interest += interest.receivable;
    unpaid.fee += fee.receivable;
    unpaid.penalty += minorOf(inst.due.penalty, places) - minorOf(inst.waived.penalty, places) - penaltyPaid;
    advance += interest.advance + fee.advance;
  }
  const writtenOff = state.writtenOff;
  const disbursed = state.disbursement;
  const gross = disbursed ? minorOf(disbursed.amount, places) : 0n;
  const net = disbursed ? minorOf(disbursed.netAmount, places) : 0n;
  const credit = minorOf(state.creditBalance, places);
  // Capitalised interest of non-performing days is principal the borrower owes but not income: it is
  // held in suspense and taken as the last principal repaid, income only as cash reaches it (QA 8 N5).
  // A write-off takes what is still held against the principal written off, never to income or loss.
  const capitalizedSuspended = minorOf(state.capitalizedSuspended ?? '0', places);
  const suspense = writtenOff ? 0n : min(capitalizedSuspended, owedPrincipal);
  const suspendedWrittenOff = writtenOff ? min(capitalizedSuspended, minorOf(writtenOff.principal, places)) : 0n;
  const recovered = minorOf(state.recovered, places);
  const penaltyBooked = writtenOff ? minorOf(writtenOff.penalty, places) : penaltiesBooked(state, unpaid.penalty, npaOn);
  return {
    fund_source: sumPayments(state, places) + recovered - net - minorOf(state.refunded, places),
    loan_portfolio: writtenOff ? 0n : owedPrincipal,
    interest_receivable: writtenOff ? 0n : unpaid.interest,
    fee_receivable: writtenOff ? 0n : unpaid.fee,
    penalty_receivable: writtenOff ? 0n : penaltyBooked,
    interest_income: -(recognised.interest + minorOf(state.capitalizedInterest, places) - suspense - suspendedWrittenOff),
    fee_income: -(gross - net + recognised.fee),
    // Penalties are income when charged and booked (penaltiesBooked), or when cash pays them.
    penalty_income: -(penaltiesPaid + penaltyBooked),
    losses_written_off: writtenOff ? minorOf(writtenOff.total, places) - suspendedWrittenOff : 0n,
    recovery_income: -recovered,
    // A written-off loan's owed-back refund went to losses with the rest.
    overpayment_liability: writtenOff ? -(credit + minorOf(writtenOff.refundDue, places)) : -credit,
    received_in_advance: -advance,
    interest_in_suspense: -suspense,
  };
}

/** Minor-unit balances as decimal strings in the currency (`places` its minor digits). */
export function formatLedger(ledger: LedgerMinor, places: number): LedgerBalances {
  const balances = {} as LedgerBalances;
  for (const account of LEDGER_ACCOUNTS) balances[account] = formatMinor(ledger[account], places);
  return balances;
}

/**
 * The loan's figures as of `asOf` (a business date; defaults to the latest date the loan knows).
 * Pure. Its ledger balances and receivables are ledgerMinor's: pass `ledger` = ledgerMinor(state)
 * when you hold it already (the general ledger's projection does, after every event).
 */
export function loanFigures(state: LoanState, asOf: string = latestDate(state), ledger: LedgerMinor = ledgerMinor(state)): LoanFigures {
  const places = minorUnits(state.currency);
  const f = (v: bigint) => formatMinor(v, places);
  const owing = state.status !== 'closed' && state.status !== 'written_off' && state.disbursement !== null;
  const owed: Record<Component, bigint> = { principal: 0n, interest: 0n, fee: 0n, penalty: 0n };
  let nextDue: LoanFigures['nextDue'] = null;
  let unpaidFrom = null as string | null;
  for (const inst of state.installments) {
    let owedOnRow = 0n;
    for (const c of COMPONENTS) {
      const left = owedMinor(inst, c, places);
      owed[c] += left;
      owedOnRow += left;
    }
    if (owedOnRow > 0n) nextDue ??= { date: inst.dueDate, amount: f(owedOnRow) };
    const since: string | null = owedOnRow > 0n && (unpaidFrom === null || inst.dueDate < unpaidFrom) ? unpaidSince(inst, state.charges, state.currency) : null;
    if (since !== null && (unpaidFrom === null || since < unpaidFrom)) unpaidFrom = since;
  }
  const credit = minorOf(state.creditBalance, places);
  // A refund paid out against a repayment since reversed is owed back like any balance (see refundDue).
  const refundDue = credit < 0n && !state.writtenOff ? -credit : 0n;
  const total = owing ? owed.principal + owed.interest + owed.fee + owed.penalty + refundDue : 0n;
  const outstanding: Outstanding = { principal: f(0n), interest: f(0n), fees: f(0n), penalties: f(0n), total: f(total) };
  if (owing) for (const c of COMPONENTS) outstanding[OUTSTANDING_FIELD[c]] = f(owed[c]);
  return figuresAsOf({
    currency: state.currency,
    outstanding,
    receivable: { interest: f(ledger.interest_receivable), fees: f(ledger.fee_receivable), penalties: f(ledger.penalty_receivable) },
    creditBalance: f(credit),
    refundDue: f(refundDue),
    nextDue: owing ? nextDue : null,
    unpaidSince: owing ? unpaidFrom : null,
    oldestUnpaidDueDate: null,
    daysPastDue: 0,
    ledger: formatLedger(ledger, places),
  }, asOf);
}

/**
 * The same figures aged to another business date: only `oldestUnpaidDueDate` and `daysPastDue`
 * depend on the date (both from `unpaidSince`), so a caller holding a loan's figures can age them
 * without summing its schedule again.
 */
export function figuresAsOf(figures: LoanFigures, asOf: string): LoanFigures {
  const oldest = figures.unpaidSince !== null && figures.unpaidSince < asOf ? figures.unpaidSince : null;
  return { ...figures, oldestUnpaidDueDate: oldest, daysPastDue: oldest === null ? 0 : daysBetween(oldest, asOf) };
}

/**
 * The amount due now (Fineract's "total overdue", with the installment falling due on `asOf` itself):
 * everything still owed — principal, interest, fees and penalties charged — on the installments due
 * on or before `asOf`, as a decimal string in the loan's currency; zero for a loan that no longer
 * owes or has nothing due by then. Paying exactly this on `asOf` leaves no row past due (DPD 0).
 * Penalties owed by `asOf` that no close has charged yet are not on `state`: pass owedOn(state, asOf).
 */
export function amountDueOn(state: LoanState, asOf: string): string {
  const places = minorUnits(state.currency);
  const owing = state.status !== 'closed' && state.status !== 'written_off' && state.disbursement !== null;
  let due = 0n;
  if (owing) {
    for (const inst of state.installments) {
      if (inst.dueDate > asOf) continue;
      for (const c of COMPONENTS) due += owedMinor(inst, c, places);
    }
  }
  return formatMinor(due, places);
}

/** The latest business date the loan knows of: what figures without a date are as of. */
export function latestDate(state: LoanState): string {
  const dates = [state.lastEodDate, state.lastPaymentDate, state.disbursement?.date ?? null, state.closedOn, state.writtenOff?.date ?? null, state.rescheduledOn];
  let latest = '0000-01-01';
  for (const d of dates) if (d !== null && d > latest) latest = d;
  return latest;
}

/**
 * Total interest recognised as income with accruals posted through `through` (what close of
 * business books as accrued), the loan's non-performing days being `suspended` (by default those
 * its rows show through `through`).
 */
export function recognisedInterest(state: LoanState, through: string, suspended: readonly DaySpan[] = suspendedSpans(state, through)): bigint {
  const places = minorUnits(state.currency);
  let sum = 0n;
  const ctx = loanContext(state);
  const finished = isFinished(state);
  for (const inst of state.installments) sum += interestSplit(inst, through, ctx, places, suspended, finished).income;
  return sum;
}

/**
 * recognisedInterest(state, to) − recognisedInterest(state, from), for `from` ≤ `to`, summing only
 * the rows that earn on some day of (from, to]: a row that had earned all its interest by `from`
 * (due by then), or starts earning after `to`, recognises the same at both dates — the
 * non-performing days through `from` are those through `to` cut at `from` — so close of business
 * prices a month-end accrual from the one or two rows the month crosses, not the whole schedule.
 */
export function recognisedInterestBetween(state: LoanState, from: string, to: string): bigint {
  const places = minorUnits(state.currency);
  const ctx = loanContext(state);
  const finished = isFinished(state);
  const suspendedFrom = suspendedSpans(state, from);
  const suspendedTo = suspendedSpans(state, to);
  let sum = 0n;
  for (const inst of state.installments) {
    if (inst.dueDate <= from) continue;
    const start = ctx.deferredInterest?.number === inst.number ? ctx.deferredInterest.from : inst.fromDate;
    if (start >= to) continue;
    sum += interestSplit(inst, to, ctx, places, suspendedTo, finished).income - interestSplit(inst, from, ctx, places, suspendedFrom, finished).income;
  }
  return sum;
}

/** Scheduled principal, interest and fees (net of waivers) falling due per month (YYYY-MM): what collection rates divide by. */
export function dueByMonth(state: LoanState): Record<string, string> {
  const places = minorUnits(state.currency);
  const sums = new Map<string, bigint>();
  for (const inst of state.installments) {
    const month = inst.dueDate.slice(0, 7);
    let due = sums.get(month) ?? 0n;
    for (const c of ['principal', 'interest', 'fee'] as const) due += minorOf(inst.due[c], places) - minorOf(inst.waived[c], places);
    sums.set(month, due);
  }
  return Object.fromEntries([...sums].map(([month, due]) => [month, formatMinor(due, places)]));
}
