import { describe, expect, it } from 'vitest';
import { loanStateBytes } from '../../../src/domain/loan/state-bytes.js';
import { LOAN_SNAPSHOT } from '../../../src/app/streams.js';
import { initialLoanState } from '../../../src/domain/loan/state.js';
import { disbursedLoan, repay } from './fixtures.js';

describe('loanStateBytes', () => {
  it('charges a loan for its installment rows and each fact recorded on it', () => {
    const empty = loanStateBytes(initialLoanState());
    const life = disbursedLoan();
    const disbursed = loanStateBytes(life.state);
    // 12 installments, kept twice (contract and installments): the rows are most of a young loan.
    expect(disbursed - empty).toBe(210 * 24);
    life.run(repay('1000.00', 'r1', '2026-01-20'));
    expect(loanStateBytes(life.state) - disbursed).toBe(64);
  });

  it('is how LOAN_SNAPSHOT weighs loans for the aggregate cache', () => {
    const { state } = disbursedLoan();
    expect(LOAN_SNAPSHOT.weigh?.(state)).toBe(loanStateBytes(state));
  });
});
