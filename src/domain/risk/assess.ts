import { Dec, type Decimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import type { CreditAssessed, CreditReason } from '../loan/events.js';
import type { CreditAttribute, Grade, ScoreBand, Scorecard } from './scorecard.js';

/** What the scorecard looks at; amounts are monthly, in the loan's currency. */
export interface CreditInput {
  monthlyIncome: Decimal;
  /** Installments the borrower already pays elsewhere each month. */
  existingMonthlyDebt: Decimal;
  /** The installment of the loan applied for (its largest regular row). */
  newInstallment: Decimal;
  employmentMonths: number;
  /** Loans with this lender, and the worst days past due any of them reached. */
  existingLoans: number;
  worstDaysPastDue: number;
  /** Days since compliance verified the KYC, or null while it is only submitted (its income and employment are the borrower's claims). */
  kycAgeDays: number | null;
}

/**
 * The scorecard's result, in CreditAssessed's shape but with `inputs.monthlyIncome` in clear (a
 * decimal string, 2 places): the application seals it with the customer's key before it is recorded
 * (assess-loan.ts), and no reason names it.
 */
export type CreditAssessment = CreditAssessed['data'];

function invalid(message: string): never {
  throw new DomainError('INVALID_CREDIT_INPUT', message, 'invalid');
}

function checkInput(input: CreditInput): void {
  for (const key of ['monthlyIncome', 'existingMonthlyDebt', 'newInstallment'] as const) {
    if (input[key].isNegative() || !input[key].isFinite()) invalid(`${key} must be a finite amount ≥ 0`);
  }
  for (const key of ['employmentMonths', 'existingLoans', 'worstDaysPastDue', 'kycAgeDays'] as const) {
    const value = input[key];
    if (value === null && key === 'kycAgeDays') continue;
    if (value === null || !Number.isInteger(value) || value < 0) invalid(`${key} must be a whole number ≥ 0`);
  }
}

/** DTI in percent including the new installment; null when there is no income to divide by. */
function debtToIncome(input: CreditInput): Decimal | null {
  if (input.monthlyIncome.isZero()) return null;
  return new Dec(input.existingMonthlyDebt).plus(input.newInstallment).dividedBy(input.monthlyIncome).times(100);
}

/** The first band that holds the value; no value (DTI without income) lands in the open-ended band. */
function bandFor(bands: ScoreBand[], attribute: CreditAttribute, value: Decimal | null): ScoreBand {
  const band = bands.find((b) => b.upTo === null || (value !== null && value.lte(b.upTo)));
  if (!band) throw new DomainError('SCORECARD_INCOMPLETE', `No band of ${attribute} holds ${value?.toString()}`, 'rule', { attribute });
  return band;
}

/**
 * A KYC compliance has not verified yet scores as the most recent verified one (the card's first
 * band), under its own reason: it was scored as "KYC verified 0 days ago" (QA 12 W4). Approval
 * still needs it verified (KYC_NOT_VERIFIED).
 */
function unverifiedKyc(bands: ScoreBand[]): ScoreBand {
  const first = bandFor(bands, 'kycAgeDays', new Dec(0));
  return { upTo: first.upTo, points: first.points, code: 'KYC_UNVERIFIED', message: 'KYC not verified yet: income and employment are the borrower\'s own statement' };
}

function gradeOf(score: number, floors: Scorecard['gradeFloors']): Grade {
  const grades = ['A', 'B', 'C', 'D'] as const;
  return grades.find((grade) => score >= floors[grade]) ?? 'E';
}

/**
 * Explainable scoring: one reason per attribute with the points it gave, summed onto the
 * card's base; any knock-out band declines. The same input and card give the same result.
 * No reason names the income (its band's message is used as written). 400 INVALID_CREDIT_INPUT
 * for a negative or non-finite amount or a count that is not a whole number ≥ 0.
 */
export function assessCredit(input: CreditInput, scorecard: Scorecard): CreditAssessment {
  checkInput(input);
  const dti = debtToIncome(input);
  // `shown` is what a reason's {value} reads; null: never named in a reason. The income is personal
  // information, sealed on the event, and the reasons stay in clear after erasure (PIPL art. 47).
  const values: Record<CreditAttribute, { value: Decimal | null; shown: string | null }> = {
    monthlyIncome: { value: new Dec(input.monthlyIncome), shown: null },
    // Percentages are shown to one decimal at most: "DTI 62 %", "DTI 50.4 %".
    debtToIncome: { value: dti, shown: dti === null ? '∞' : dti.toDecimalPlaces(1).toString() },
    employmentMonths: { value: new Dec(input.employmentMonths), shown: String(input.employmentMonths) },
    existingLoans: { value: new Dec(input.existingLoans), shown: String(input.existingLoans) },
    worstDaysPastDue: { value: new Dec(input.worstDaysPastDue), shown: String(input.worstDaysPastDue) },
    kycAgeDays: { value: input.kycAgeDays === null ? null : new Dec(input.kycAgeDays), shown: String(input.kycAgeDays) },
  };
  const matched = (Object.keys(scorecard.bands) as CreditAttribute[]).map((attribute) => {
    const { value, shown } = values[attribute];
    if (attribute === 'kycAgeDays' && value === null) return { band: unverifiedKyc(scorecard.bands.kycAgeDays), shown };
    return { band: bandFor(scorecard.bands[attribute], attribute, value), shown };
  });
  const reasons: CreditReason[] = matched.map(({ band, shown }) => ({
    code: band.code,
    message: shown === null ? band.message : band.message.replace('{value}', shown),
    points: band.points,
  }));
  const score = reasons.reduce((sum, reason) => sum + reason.points, scorecard.base);
  const grade = gradeOf(score, scorecard.gradeFloors);
  const knockedOut = matched.some(({ band }) => band.knockOut === true);
  return {
    score,
    grade,
    decision: knockedOut ? 'decline' : scorecard.decisions[grade],
    reasons,
    scorecardVersion: scorecard.version,
    inputs: {
      monthlyIncome: new Dec(input.monthlyIncome).toFixed(2),
      existingMonthlyDebt: new Dec(input.existingMonthlyDebt).toFixed(2),
      newInstallment: new Dec(input.newInstallment).toFixed(2),
      debtToIncome: dti === null ? null : dti.toDecimalPlaces(2).toString(),
      employmentMonths: input.employmentMonths,
      existingLoans: input.existingLoans,
      worstDaysPastDue: input.worstDaysPastDue,
      kycAgeDays: input.kycAgeDays,
    },
  };
}
