import type { Component, Components, EarnedPoint, Installment, InterestRebase, LoanState } from './state.js';

const FIELDS_PER_ROW = 18;
// A row whose running period was re-based by a prepayment carries its accrual (Installment.accrual) in 5 more,
// then each earlier re-basing of its period as one more, `e:date:earned:interestBefore`.
const FIELDS_WITH_ACCRUAL = 23;
const EARLIER = 'e:';
// A row a re-amortisation recomputed carries what it was priced with (Installment.priced) in one more, `p:interest:principal`.
const PRICED = 'p:';
const NO_DATE = '-';

/** The loan state as a snapshot stores it: the same JSON, but each installment packed into one string. */
export interface PackedLoanState extends Omit<LoanState, 'installments' | 'contract'> {
  installments: string[];
  contract: string[];
}

const componentsText = (c: Components) => `${c.penalty} ${c.fee} ${c.interest} ${c.principal}`;

function packRow(inst: Installment): string {
  const flags = `${inst.settled ? 1 : 0} ${inst.overdueSince ?? NO_DATE} ${inst.settledOn ?? NO_DATE}`;
  const a = inst.accrual;
  const earlier = a?.earlier?.map((p) => ` ${EARLIER}${p.date}:${p.earned}:${p.interestBefore}`).join('') ?? '';
  const accrual = a === undefined ? '' : ` ${a.date} ${a.earned} ${a.rest} ${a.basis} ${a.interestBefore}${earlier}`;
  const priced = inst.priced === undefined ? '' : ` ${PRICED}${inst.priced.interest}:${inst.priced.principal}`;
  return `${inst.number} ${inst.fromDate} ${inst.dueDate} ${componentsText(inst.due)} ${componentsText(inst.paid)} ${componentsText(inst.waived)} ${flags}${accrual}${priced}`;
}

const wrongShape = (row: string): Error =>
  new Error(`packed installment has ${row.split(' ').length} fields, expected ${FIELDS_PER_ROW} (or ${FIELDS_WITH_ACCRUAL} with its accrual, one more per earlier re-basing), one more with its pricing: "${row}"`);

/**
 * A cursor over one packed row's space-separated fields. Zero amounts ("0.00", "0") are most of a
 * row's fields (the waived columns, paid columns of future rows, fees and penalties): they come back
 * as shared literals and all-zero columns as one shared frozen object, so decoding a snapshot
 * allocates little beyond what differs (decoding was a tenth of close-of-business CPU and its garbage).
 */
class RowFields {
  private at = 0;
  count = 0;
  constructor(private readonly row: string) {}

  next(): string {
    const { row } = this;
    const start = this.at;
    const space = row.indexOf(' ', start);
    const end = space < 0 ? row.length : space;
    this.at = end + 1;
    this.count += 1;
    if (start >= row.length) throw wrongShape(row);
    if (row.charCodeAt(start) === 48) {
      if (end - start === 1) return '0';
      if (end - start === 4 && row.startsWith('.00', start + 1)) return '0.00';
    }
    return row.slice(start, end);
  }

  get done(): boolean {
    return this.at > this.row.length;
  }
}

const ZERO_COLUMNS = new Map<string, Components>(['0', '0.00'].map((zero) => [zero, Object.freeze({ penalty: zero, fee: zero, interest: zero, principal: zero })]));

function components(fields: RowFields): Components {
  const penalty = fields.next(), fee = fields.next(), interest = fields.next(), principal = fields.next();
  const shared = penalty === fee && fee === interest && interest === principal ? ZERO_COLUMNS.get(penalty) : undefined;
  return shared ?? ({ penalty, fee, interest, principal } satisfies Record<Component, string>);
}

const orNull = (field: string): string | null => (field === NO_DATE ? null : field);

function unpackRow(row: string): Installment {
  const fields = new RowFields(row);
  const number = Number(fields.next());
  const fromDate = fields.next(), dueDate = fields.next();
  const due = components(fields), paid = components(fields), waived = components(fields);
  const settled = fields.next() === '1';
  const overdueSince = orNull(fields.next()), settledOn = orNull(fields.next());
  const inst: Installment = { number, fromDate, dueDate, due, paid, waived, settled, overdueSince, settledOn };
  let extra = fields.done ? null : fields.next();
  let tokens = 0;
  if (extra !== null && !extra.startsWith(PRICED)) {
    const accrual: InterestRebase = { date: extra, earned: fields.next(), rest: fields.next(), basis: fields.next(), interestBefore: fields.next() };
    extra = fields.done ? null : fields.next();
    const earlier: EarnedPoint[] = [];
    for (; extra !== null && extra.startsWith(EARLIER); extra = fields.done ? null : fields.next()) {
      const [date, earned, interestBefore, more] = extra.slice(EARLIER.length).split(':');
      if (date === undefined || earned === undefined || interestBefore === undefined || more !== undefined) throw wrongShape(row);
      earlier.push({ date, earned, interestBefore });
    }
    tokens = earlier.length;
    inst.accrual = earlier.length === 0 ? accrual : { ...accrual, earlier };
  }
  if (extra !== null) {
    const [interest, principal, more] = extra.slice(PRICED.length).split(':');
    if (!extra.startsWith(PRICED) || interest === undefined || principal === undefined || more !== undefined) throw wrongShape(row);
    inst.priced = { interest, principal };
  }
  const count = fields.count - tokens - (inst.priced === undefined ? 0 : 1);
  if (!fields.done || (count !== FIELDS_PER_ROW && count !== FIELDS_WITH_ACCRUAL)) throw wrongShape(row);
  return inst;
}

/**
 * Snapshot encoding of the loan state. A long loan's installments are most of its snapshot, and
 * JSON-parsing hundreds of nested row objects was most of its load time; one flat string per row
 * parses several times faster and decodes back to exactly the same state.
 */
export const loanSnapshotCodec = {
  /** Bump when the packed shape or the state's shape changes: older snapshots are then ignored. */
  version: 30, // 30: a payment paying a re-amortised loan off records the principal it paid ahead on the current row and drops the rows left owing nothing (a day's payments leave the rows one payment of their sum leaves); 29: classifiedOn (the date of the latest class move; a close catching up nights no close judged records each move after it, qa19 Q8); 28: writtenOff.notBooked.penalties (an NPA loan's penalties the books never carried); 27: a close leaves a loan overdue when it marks any open row past due, not only the oldest (an older row owing only a charge applied that day kept it active, 关注); 26: a migrated loan's legacy rows stay undated when a later fact settles other rows (qa18 D3: they were stamped with the first fact after the cut-over); 25: judgedThrough (the last close a history change judged the loan as of; seedhunt13 F4); 24: disbursement.keyedInAfter (the last close that ran without a loan keyed in late); 23: a re-based row's accrual keeps the interest it owed before and its period's earlier re-basings (InterestRebase.interestBefore, earlier); 22: a reversal leaves a loan overdue while any open row a close marked is unpaid (not only the oldest); 21: pending waivers (waiverRequests, decidedWaivers); 20: a re-amortised row's pricing (Installment.priced); 19: capitalizedSuspended (capitalised interest of non-performing days, kept out of income), and accruingSince replaces interestSuspended (non-performing days read from the rows); 18: reversedRecoveries, and payoffs credit fees paid on rows not yet due; 17: writtenOff.notBooked (the write-off's never-booked interest and fees, for /transactions); 16: interestSuspended (days an accrual found the loan non-performing); 15: penaltyReviewFrom (a close judges again installments a reversal or back-dated fact may have made late); 14: a close's penalties sort before its day's other facts and stand iff their row was unpaid at the end of its grace (lastFactKey, replayed rows), and writtenOff.claim; 13: submittedOn; 12: approvedReversals; 5: each row's settledOn; 6: officer-applied charges; 7: prepayment overrides; 8: pending reversals; 9: approvedOn (and payoffs credit unearned interest); 10: a running period's interest re-based by a prepayment (Installment.accrual); 11: a close's penalties sort after its day's other facts (lastFactKey)
  encode(state: LoanState): PackedLoanState {
    return { ...state, installments: state.installments.map(packRow), contract: state.contract.map(packRow) };
  },
  decode(stored: unknown): LoanState {
    const packed = stored as PackedLoanState;
    return { ...packed, installments: packed.installments.map(unpackRow), contract: packed.contract.map(unpackRow) };
  },
};
