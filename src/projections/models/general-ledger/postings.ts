import type { ChargeKind, ChargeWaived, LoanDisbursed, LoanWrittenOff, RepaymentReceived } from '../../../domain/loan/events.js';
import { addAmounts, compareAmounts, isZeroAmount, minAmount, subtractAmounts, sumAmounts } from '../amount.js';
import type { JournalLine, LedgerAccount, LoanLedgerPosition, PositionAccount } from './accounts.js';

/** The lines of one event and the loan's ledger position after it. Pure: same input, same entry. */
export interface Posting {
  lines: JournalLine[];
  position: LoanLedgerPosition;
}

const RECEIVABLE: Record<ChargeKind, PositionAccount & LedgerAccount> = {
  interest: 'interest_receivable',
  fee: 'fee_receivable',
  penalty: 'penalty_receivable',
};
const INCOME: Record<ChargeKind, LedgerAccount> = {
  interest: 'interest_income',
  fee: 'fee_income',
  penalty: 'penalty_income',
};

function debit(account: LedgerAccount, amount: string): JournalLine {
  return { account, side: 'debit', amount };
}
function credit(account: LedgerAccount, amount: string): JournalLine {
  return { account, side: 'credit', amount };
}

/** Moves a loan-level account; the position is copied, never mutated. */
function moved(position: LoanLedgerPosition, account: PositionAccount, delta: string): LoanLedgerPosition {
  return { ...position, [account]: addAmounts(position[account], delta) };
}

function negate(amount: string): string {
  return subtractAmounts('0', amount);
}

/**
 * Fees deducted at disbursement are earned at once: Dr fee receivable / Cr fee income, settled from
 * the disbursed amount. Booked net — the receivable lines cancel — as Dr portfolio (gross amount) /
 * Cr fund source (cash paid out) / Cr fee income (fees kept).
 */
export function postDisbursement(position: LoanLedgerPosition, data: LoanDisbursed['data']): Posting {
  const fees = sumAmounts(data.fees.map((fee) => fee.amount));
  if (compareAmounts(addAmounts(data.netAmount, fees), data.amount) !== 0) {
    throw new Error(`disbursement of ${data.amount} does not equal net ${data.netAmount} plus fees ${fees}`);
  }
  return {
    lines: [debit('loan_portfolio', data.amount), credit('fund_source', data.netAmount), credit('fee_income', fees)],
    position: moved(position, 'loan_portfolio', data.amount),
  };
}

/** Accrual of interest or a penalty: Dr receivable / Cr income. */
export function postAccrual(position: LoanLedgerPosition, kind: ChargeKind, amount: string): Posting {
  return {
    lines: [debit(RECEIVABLE[kind], amount), credit(INCOME[kind], amount)],
    position: moved(position, RECEIVABLE[kind], amount),
  };
}

/**
 * Repayment: Dr fund source / Cr portfolio, receivables, overpayment liability. A charge paid
 * beyond what was accrued (interest paid before its accrual was posted, a service fee never
 * accrued) is income recognised at repayment, so a receivable never goes negative.
 */
export function postRepayment(position: LoanLedgerPosition, data: RepaymentReceived['data']): Posting {
  const { allocation } = data;
  const allocated = sumAmounts([allocation.penalty, allocation.fee, allocation.interest, allocation.principal, allocation.excess]);
  if (compareAmounts(allocated, data.amount) !== 0) {
    throw new Error(`repayment ${data.reference} of ${data.amount} allocates ${allocated}`);
  }
  const lines = [debit('fund_source', data.amount), credit('loan_portfolio', allocation.principal)];
  let next = moved(position, 'loan_portfolio', negate(allocation.principal));
  for (const kind of ['penalty', 'fee', 'interest'] as const) {
    const settled = minAmount(allocation[kind], next[RECEIVABLE[kind]]);
    lines.push(credit(RECEIVABLE[kind], settled), credit(INCOME[kind], subtractAmounts(allocation[kind], settled)));
    next = moved(next, RECEIVABLE[kind], negate(settled));
  }
  lines.push(credit('overpayment_liability', allocation.excess));
  return { lines, position: moved(next, 'overpayment_liability', allocation.excess) };
}

/** Waiver: Dr income / Cr receivable, only for what was accrued; waiving an unaccrued charge books nothing. */
export function postWaiver(position: LoanLedgerPosition, data: ChargeWaived['data']): Posting {
  const reversed = minAmount(data.amount, position[RECEIVABLE[data.kind]]);
  return {
    lines: [debit(INCOME[data.kind], reversed), credit(RECEIVABLE[data.kind], reversed)],
    position: moved(position, RECEIVABLE[data.kind], negate(reversed)),
  };
}

/** Write-off: Dr losses / Cr portfolio and the accrued receivables (unaccrued charges were never income). */
export function postWriteOff(position: LoanLedgerPosition, data: LoanWrittenOff['data']): Posting {
  const charges = { interest: data.interest, fee: data.fees, penalty: data.penalties };
  const lines = [credit('loan_portfolio', data.principal)];
  let next = moved(position, 'loan_portfolio', negate(data.principal));
  for (const kind of ['penalty', 'fee', 'interest'] as const) {
    const written = minAmount(charges[kind], next[RECEIVABLE[kind]]);
    lines.push(credit(RECEIVABLE[kind], written));
    next = moved(next, RECEIVABLE[kind], negate(written));
  }
  const loss = sumAmounts(lines.map((line) => line.amount));
  return { lines: [debit('losses_written_off', loss), ...lines], position: next };
}

/** Recovery after write-off: Dr fund source / Cr recovery income. */
export function postRecovery(position: LoanLedgerPosition, amount: string): Posting {
  return { lines: [debit('fund_source', amount), credit('recovery_income', amount)], position };
}

/** Refund of an overpayment: Dr overpayment liability / Cr fund source. */
export function postRefund(position: LoanLedgerPosition, amount: string): Posting {
  return {
    lines: [debit('overpayment_liability', amount), credit('fund_source', amount)],
    position: moved(position, 'overpayment_liability', negate(amount)),
  };
}

/** The lines worth storing: zero-amount lines say nothing. */
export function nonZeroLines(lines: JournalLine[]): JournalLine[] {
  return lines.filter((line) => !isZeroAmount(line.amount));
}
