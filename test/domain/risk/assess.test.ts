import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessCredit, type CreditInput } from '../../../src/domain/risk/assess.js';
import { DEFAULT_SCORECARD, type Scorecard } from '../../../src/domain/risk/scorecard.js';

function input(overrides: Partial<CreditInput> = {}): CreditInput {
  return {
    monthlyIncome: new Decimal('12000'),
    existingMonthlyDebt: new Decimal('1000'),
    newInstallment: new Decimal('2000'),
    employmentMonths: 36,
    existingLoans: 1,
    worstDaysPastDue: 0,
    kycAgeDays: 400,
    ...overrides,
  };
}

describe('assessCredit with the default scorecard', () => {
  it('explains a good applicant attribute by attribute', () => {
    const result = assessCredit(input(), DEFAULT_SCORECARD);
    expect(result.reasons).toEqual([
      // No amount in the income reason: reasons stay in clear after erasure, the income is sealed on the event.
      { code: 'INCOME_GOOD', message: 'Monthly income ≤ 20000', points: 30 },
      { code: 'DTI_LOW', message: 'DTI 25 % ≤ 30 %', points: 40 },
      { code: 'EMPLOYMENT_STABLE', message: 'Employed 36 months < 60', points: 20 },
      { code: 'EXISTING_LOANS_FEW', message: '1 existing loans with us', points: 10 },
      { code: 'NO_ARREARS', message: 'Never past due with us', points: 30 },
      { code: 'KYC_LONGSTANDING', message: 'KYC verified 400 days ago ≥ 365', points: 10 },
    ]);
    expect(result).toMatchObject({ score: 740, grade: 'A', decision: 'approve', scorecardVersion: 'default-2026-11' });
    expect(result.inputs).toEqual({
      monthlyIncome: '12000.00',
      existingMonthlyDebt: '1000.00',
      newInstallment: '2000.00',
      debtToIncome: '25',
      employmentMonths: 36,
      existingLoans: 1,
      worstDaysPastDue: 0,
      kycAgeDays: 400,
    });
  });

  it('counts the new installment in DTI and shows it rounded', () => {
    const result = assessCredit(input({ monthlyIncome: new Decimal('9000'), existingMonthlyDebt: new Decimal('3580'), newInstallment: new Decimal('2000') }), DEFAULT_SCORECARD);
    expect(result.reasons[1]).toEqual({ code: 'DTI_HIGH', message: 'DTI 62 % > 50 %', points: -40 });
    expect(result.inputs.debtToIncome).toBe('62');
    const fractional = assessCredit(input({ monthlyIncome: new Decimal('3000'), existingMonthlyDebt: new Decimal('0'), newInstallment: new Decimal('1234.56') }), DEFAULT_SCORECARD);
    expect(fractional.reasons[1]!.message).toBe('DTI 41.2 % ≤ 50 %');
    expect(fractional.inputs.debtToIncome).toBe('41.15');
  });

  it('grades by score and maps grades to decisions', () => {
    const review = assessCredit(input({ employmentMonths: 3, kycAgeDays: 10, existingLoans: 0, monthlyIncome: new Decimal('8000'), newInstallment: new Decimal('1400') }), DEFAULT_SCORECARD);
    // 600 + 0 + 40 (DTI 30 %) − 30 + 0 + 30 − 10
    expect(review).toMatchObject({ score: 630, grade: 'C', decision: 'review' });
    const low = assessCredit(input({ monthlyIncome: new Decimal('2500'), existingMonthlyDebt: new Decimal('0'), newInstallment: new Decimal('1500'), employmentMonths: 3, existingLoans: 3, worstDaysPastDue: 20, kycAgeDays: 5 }), DEFAULT_SCORECARD);
    // 600 − 40 − 40 (DTI 60 %) − 30 − 30 − 30 − 10
    expect(low).toMatchObject({ score: 420, grade: 'E', decision: 'decline' });
  });

  it('declines on a knock-out band whatever the score', () => {
    const defaulted = assessCredit(input({ monthlyIncome: new Decimal('100000'), worstDaysPastDue: 120, employmentMonths: 120 }), DEFAULT_SCORECARD);
    expect(defaulted.reasons.find((r) => r.code === 'ARREARS_DEFAULT')).toEqual({ code: 'ARREARS_DEFAULT', message: 'Worst 120 days past due > 90', points: -200 });
    expect(defaulted.decision).toBe('decline');
    expect(defaulted.grade).not.toBe('E');
  });

  it('treats no income as the worst DTI band', () => {
    const result = assessCredit(input({ monthlyIncome: new Decimal('0') }), DEFAULT_SCORECARD);
    expect(result.reasons[1]).toMatchObject({ code: 'DTI_EXCESSIVE', message: 'DTI ∞ % > 80 %' });
    expect(result.inputs.debtToIncome).toBeNull();
    expect(result.decision).toBe('decline');
  });

  // Reasons stay in clear on the loan's stream after erasure; the income is sealed there (assess-loan.ts).
  it('names the income in no reason, whatever it is and even when a card\'s income band asks for {value}', () => {
    const asking: Scorecard = { ...DEFAULT_SCORECARD, bands: { ...DEFAULT_SCORECARD.bands, monthlyIncome: [{ upTo: null, points: 0, code: 'INCOME', message: 'Monthly income {value}' }] } };
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), (cents) => {
      const monthlyIncome = new Decimal(cents).dividedBy(100);
      for (const card of [DEFAULT_SCORECARD, asking]) {
        const result = assessCredit(input({ monthlyIncome }), card);
        expect(result.inputs.monthlyIncome).toBe(monthlyIncome.toFixed(2));
        for (const reason of result.reasons) expect(reason.message).not.toContain(monthlyIncome.toFixed(2));
      }
    }));
  });

  it('uses the scorecard it is given, as data', () => {
    const strict: Scorecard = { ...DEFAULT_SCORECARD, version: 'strict-1', base: 500 };
    expect(assessCredit(input(), strict)).toMatchObject({ score: 640, grade: 'C', decision: 'review', scorecardVersion: 'strict-1' });
  });

  it('refuses a scorecard without an open-ended band', () => {
    const gappy: Scorecard = { ...DEFAULT_SCORECARD, bands: { ...DEFAULT_SCORECARD.bands, kycAgeDays: [{ upTo: '29', points: 0, code: 'K', message: 'k' }] } };
    expect(() => assessCredit(input(), gappy)).toThrow(expect.objectContaining({ code: 'SCORECARD_INCOMPLETE' }));
  });

  it.each<[string, Partial<CreditInput>]>([
    ['negative income', { monthlyIncome: new Decimal('-1') }],
    ['infinite debt', { existingMonthlyDebt: new Decimal(Infinity) }],
    ['fractional months', { employmentMonths: 1.5 }],
    ['negative loans', { existingLoans: -1 }],
    ['negative DPD', { worstDaysPastDue: -3 }],
  ])('refuses %s as INVALID_CREDIT_INPUT', (_label, overrides) => {
    expect(() => assessCredit(input(overrides), DEFAULT_SCORECARD)).toThrow(expect.objectContaining({ code: 'INVALID_CREDIT_INPUT', kind: 'invalid' }));
  });
});
