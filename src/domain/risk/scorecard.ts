import type { CreditAssessed } from '../loan/events.js';

export type Grade = CreditAssessed['data']['grade'];
export type CreditDecision = CreditAssessed['data']['decision'];
export type CreditAttribute = 'monthlyIncome' | 'debtToIncome' | 'employmentMonths' | 'existingLoans' | 'worstDaysPastDue' | 'kycAgeDays';

/**
 * One band of one attribute: matches a value ≤ `upTo` (null: any value) when no earlier band
 * did. `message` may name the value as `{value}`, except a monthlyIncome band's (assessCredit never
 * puts the income in a reason: reasons stay in clear after erasure, the income is the borrower's
 * personal information, PIPL art. 4, 47); a knock-out band declines whatever the score.
 */
export interface ScoreBand {
  upTo: string | null;
  points: number;
  code: string;
  message: string;
  knockOut?: boolean;
}

/** The whole credit policy as data, versioned so every assessment names the card it used. */
export interface Scorecard {
  version: string;
  base: number;
  /** Bands ascending by `upTo`, the last one open-ended. */
  bands: Record<CreditAttribute, ScoreBand[]>;
  /** Lowest score of each grade; anything below D is E. */
  gradeFloors: Record<Exclude<Grade, 'E'>, number>;
  decisions: Record<Grade, CreditDecision>;
}

export const DEFAULT_SCORECARD: Scorecard = {
  version: 'default-2026-11',
  base: 600,
  bands: {
    monthlyIncome: [
      { upTo: '3000', points: -40, code: 'INCOME_LOW', message: 'Monthly income ≤ 3000' },
      { upTo: '8000', points: 0, code: 'INCOME_MODERATE', message: 'Monthly income ≤ 8000' },
      { upTo: '20000', points: 30, code: 'INCOME_GOOD', message: 'Monthly income ≤ 20000' },
      { upTo: null, points: 50, code: 'INCOME_HIGH', message: 'Monthly income > 20000' },
    ],
    debtToIncome: [
      { upTo: '30', points: 40, code: 'DTI_LOW', message: 'DTI {value} % ≤ 30 %' },
      { upTo: '50', points: 0, code: 'DTI_MODERATE', message: 'DTI {value} % ≤ 50 %' },
      { upTo: '80', points: -40, code: 'DTI_HIGH', message: 'DTI {value} % > 50 %' },
      { upTo: null, points: -120, code: 'DTI_EXCESSIVE', message: 'DTI {value} % > 80 %', knockOut: true },
    ],
    employmentMonths: [
      { upTo: '5', points: -30, code: 'EMPLOYMENT_SHORT', message: 'Employed {value} months < 6' },
      { upTo: '23', points: 0, code: 'EMPLOYMENT_MODERATE', message: 'Employed {value} months < 24' },
      { upTo: '59', points: 20, code: 'EMPLOYMENT_STABLE', message: 'Employed {value} months < 60' },
      { upTo: null, points: 40, code: 'EMPLOYMENT_LONG', message: 'Employed {value} months ≥ 60' },
    ],
    existingLoans: [
      { upTo: '0', points: 0, code: 'NO_EXISTING_LOANS', message: 'No existing loans with us' },
      { upTo: '2', points: 10, code: 'EXISTING_LOANS_FEW', message: '{value} existing loans with us' },
      { upTo: null, points: -30, code: 'EXISTING_LOANS_MANY', message: '{value} existing loans with us > 2' },
    ],
    worstDaysPastDue: [
      { upTo: '0', points: 30, code: 'NO_ARREARS', message: 'Never past due with us' },
      { upTo: '30', points: -30, code: 'ARREARS_MINOR', message: 'Worst {value} days past due ≤ 30' },
      { upTo: '90', points: -80, code: 'ARREARS_SERIOUS', message: 'Worst {value} days past due ≤ 90' },
      { upTo: null, points: -200, code: 'ARREARS_DEFAULT', message: 'Worst {value} days past due > 90', knockOut: true },
    ],
    kycAgeDays: [
      { upTo: '29', points: -10, code: 'KYC_RECENT', message: 'KYC verified {value} days ago < 30' },
      { upTo: '364', points: 0, code: 'KYC_ESTABLISHED', message: 'KYC verified {value} days ago < 365' },
      { upTo: null, points: 10, code: 'KYC_LONGSTANDING', message: 'KYC verified {value} days ago ≥ 365' },
    ],
  },
  gradeFloors: { A: 700, B: 650, C: 600, D: 550 },
  decisions: { A: 'approve', B: 'approve', C: 'review', D: 'review', E: 'decline' },
};
