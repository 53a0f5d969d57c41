import { describe, expect, it } from 'vitest';
import { latestAssessment } from '../../web/src/loans/credit-assessment.js';
import { DEFAULT_SCORECARD } from '../../src/domain/risk/scorecard.js';
import { en } from '../../web/src/i18n/en-US.js';
import { zh } from '../../web/src/i18n/zh-CN.js';

const event = (revision: string, type: string, data: unknown, sub = 'officer-ann') => ({
  revision, position: revision, type, occurredAt: `2026-03-0${revision}T02:00:00.000Z`, recordedAt: `2026-03-0${revision}T02:00:00.000Z`,
  actor: { sub, role: 'officer' }, correlationId: 'c', causationId: null, hash: 'h', prevHash: 'p', data,
});
const history = (events: ReturnType<typeof event>[]) => ({
  loanId: 'L1', customerId: 'C1', disclosure: 'masked', borrower: { name: null, nationalId: null, phone: null, email: null, bankAccount: null }, events,
});
const assessed = (score: number, version: string, income = '12000.00') => ({
  score, grade: 'B', decision: 'review', scorecardVersion: version, inputs: { monthlyIncome: income }, reasons: [{ code: 'DTI_HIGH', message: 'DTI 62 % > 50 %', points: -40 }],
});

describe('the approver reads the credit assessment the approval rests on (QA 12 W11)', () => {
  it('is the loan\'s latest CreditAssessed: score, grade, decision, reasons, scorecard version, when and by whom', () => {
    const loan = history([event('1', 'LoanApplicationSubmitted', {}), event('2', 'CreditAssessed', assessed(580, 'v1')), event('3', 'CreditAssessed', assessed(610, 'v2', '15000.00'), 'uw-bob')]);
    expect(latestAssessment(loan)).toEqual({
      monthlyIncome: '15000.00', score: 610, grade: 'B', decision: 'review', scorecardVersion: 'v2', reasons: [{ code: 'DTI_HIGH', message: 'DTI 62 % > 50 %', points: -40 }],
      assessedAt: '2026-03-03T02:00:00.000Z', assessedBy: 'uw-bob',
    });
  });

  it('shows the income as the history opened it: [erased] once the customer is erased, null when none was recorded', () => {
    expect(latestAssessment(history([event('1', 'CreditAssessed', assessed(580, 'v1', '[erased]'))]))?.monthlyIncome).toBe('[erased]');
    expect(latestAssessment(history([event('1', 'CreditAssessed', { ...assessed(580, 'v1'), inputs: {} })]))?.monthlyIncome).toBeNull();
  });

  it('is none before an assessment', () => {
    expect(latestAssessment(history([event('1', 'LoanApplicationSubmitted', {})]))).toBeNull();
  });

  it('words every reason code the scorecard can give, in both languages', () => {
    const codes = [...Object.values(DEFAULT_SCORECARD.bands).flat().map((band) => band.code), 'KYC_UNVERIFIED'];
    for (const code of codes) {
      expect(Object.keys(zh), code).toContain(`credit.reason.${code}`);
      expect(Object.keys(en), code).toContain(`credit.reason.${code}`);
    }
  });
});
