import type { Component, Components, Installment, LoanState } from './state.js';

const FIELDS_PER_ROW = 18;
// A row whose running period was re-based by a prepayment carries its accrual (Installment.accrual) in 4 more.
const FIELDS_WITH_ACCRUAL = 22;
const NO_DATE = '-';

/** The loan state as a snapshot stores it: the same JSON, but each installment packed into one string. */
export interface PackedLoanState extends Omit<LoanState, 'installments' | 'contract'> {
  installments: string[];
  contract: string[];
}

const componentsText = (c: Components) => `${c.penalty} ${c.fee} ${c.interest} ${c.principal}`;

function componentsAt(fields: string[], at: number): Components {
  return { penalty: fields[at] as string, fee: fields[at + 1] as string, interest: fields[at + 2] as string, principal: fields[at + 3] as string } satisfies Record<Component, string>;
}

function packRow(inst: Installment): string {
  const flags = `${inst.settled ? 1 : 0} ${inst.overdueSince ?? NO_DATE} ${inst.settledOn ?? NO_DATE}`;
  const a = inst.accrual;
  const accrual = a === undefined ? '' : ` ${a.date} ${a.earned} ${a.rest} ${a.basis}`;
  return `${inst.number} ${inst.fromDate} ${inst.dueDate} ${componentsText(inst.due)} ${componentsText(inst.paid)} ${componentsText(inst.waived)} ${flags}${accrual}`;
}

function unpackRow(row: string): Installment {
  const fields = row.split(' ');
  if (fields.length !== FIELDS_PER_ROW && fields.length !== FIELDS_WITH_ACCRUAL) {
    throw new Error(`packed installment has ${fields.length} fields, expected ${FIELDS_PER_ROW} (or ${FIELDS_WITH_ACCRUAL} with its accrual): "${row}"`);
  }
  const overdueSince = fields[16] as string;
  const settledOn = fields[17] as string;
  return {
    number: Number(fields[0]), fromDate: fields[1] as string, dueDate: fields[2] as string,
    due: componentsAt(fields, 3), paid: componentsAt(fields, 7), waived: componentsAt(fields, 11),
    settled: fields[15] === '1', overdueSince: overdueSince === NO_DATE ? null : overdueSince, settledOn: settledOn === NO_DATE ? null : settledOn,
    ...(fields.length === FIELDS_PER_ROW ? {} : { accrual: { date: fields[18] as string, earned: fields[19] as string, rest: fields[20] as string, basis: fields[21] as string } }),
  };
}

/**
 * Snapshot encoding of the loan state. A long loan's installments are most of its snapshot, and
 * JSON-parsing hundreds of nested row objects was most of its load time; one flat string per row
 * parses several times faster and decodes back to exactly the same state.
 */
export const loanSnapshotCodec = {
  /** Bump when the packed shape or the state's shape changes: older snapshots are then ignored. */
  version: 15, // 15: reversedRecoveries, and payoffs credit fees paid on rows not yet due; 14: a close's penalties sort before its day's other facts and stand iff their row was unpaid at the end of its grace (lastFactKey, replayed rows), and writtenOff.claim; 13: submittedOn; 12: approvedReversals; 5: each row's settledOn; 6: officer-applied charges; 7: prepayment overrides; 8: pending reversals; 9: approvedOn (and payoffs credit unearned interest); 10: a running period's interest re-based by a prepayment (Installment.accrual); 11: a close's penalties sort after its day's other facts (lastFactKey)
  encode(state: LoanState): PackedLoanState {
    return { ...state, installments: state.installments.map(packRow), contract: state.contract.map(packRow) };
  },
  decode(stored: unknown): LoanState {
    const packed = stored as PackedLoanState;
    return { ...packed, installments: packed.installments.map(unpackRow), contract: packed.contract.map(unpackRow) };
  },
};
