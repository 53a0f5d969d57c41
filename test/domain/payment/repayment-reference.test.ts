import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRepaymentReference, referencesInMemo, repaymentReferenceOf } from '../../../src/domain/payment/repayment-reference.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('repayment reference', () => {
  it('is the same for the same loan, shaped LC + 10 + check character, and checks', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 64 }), (loanId) => {
      const reference = repaymentReferenceOf(loanId);
      expect(reference).toBe(repaymentReferenceOf(loanId));
      expect(reference).toMatch(/^LC[0-9A-HJKMNP-TV-Z]{11}$/);
      expect(isRepaymentReference(reference)).toBe(true);
      expect(isRepaymentReference(reference.toLowerCase())).toBe(true);
    }));
  });

  it('catches every single mistyped character', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 64 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 31 }), (loanId, at, shift) => {
      const reference = repaymentReferenceOf(loanId);
      const wrong = ALPHABET[(ALPHABET.indexOf(reference[at]!) + shift) % 32]!;
      expect(isRepaymentReference(reference.slice(0, at) + wrong + reference.slice(at + 1))).toBe(false);
    }));
  });

  it('finds the distinct valid references in a memo', () => {
    const a = repaymentReferenceOf('loan-a');
    const b = repaymentReferenceOf('loan-b');
    expect(referencesInMemo(`repay ${a.toLowerCase()} and again ${a}`)).toEqual([a]);
    expect(referencesInMemo(`${a}/${b}`)).toEqual([a, b]);
    expect(referencesInMemo('nothing here LC123')).toEqual([]);
  });
});
