import { describe, expect, it } from 'vitest';
import { loanDecider } from '../../../src/domain/loan/decider.js';
import { submitCommand } from './fixtures.js';

const decide = (overrides: Parameters<typeof submitCommand>[0]) => loanDecider.decide(submitCommand(overrides), loanDecider.initialState());
const agreement = { hash: 'ab'.repeat(32), acceptedAt: '2026-03-15T09:30:00.000Z' };

describe('an application with an accepted loan agreement', () => {
  it('records the hash and acceptance time on LoanApplicationSubmitted, and nothing when none was given', () => {
    expect(decide({ agreement })[0]?.data).toMatchObject({ agreement });
    expect(decide({})[0]?.data).not.toHaveProperty('agreement');
  });

  it.each([
    { hash: 'AB'.repeat(32), acceptedAt: agreement.acceptedAt },
    { hash: 'ab'.repeat(31), acceptedAt: agreement.acceptedAt },
    { hash: agreement.hash, acceptedAt: 'not a time' },
  ])('refuses a malformed one (AGREEMENT_INVALID): %o', (bad) => {
    expect(() => decide({ agreement: bad })).toThrow(expect.objectContaining({ code: 'AGREEMENT_INVALID' }));
  });
});
