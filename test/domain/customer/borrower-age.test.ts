import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, assertOfAge, MIN_BORROWER_AGE } from '../../../src/domain/customer/borrower-age.js';
import { residentIdBirthDate, residentIdCheckCharacter } from '../../../src/domain/customer/resident-id.js';
import { DomainError } from '../../../src/domain/errors.js';

const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** The day a person born on `birth` turns `years`: the same month and day, 29 February on 1 March in other years (by calendar arithmetic, not by the rule under test). */
function birthday(birth: string, years: number): string {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  return date.toISOString().slice(0, 10);
}

const codeOf = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
};

describe('borrower age (QA 10 R6)', () => {
  it('property: of age exactly from the 18th birthday on; under age before it; not born yet before birth', () => {
    fc.assert(fc.property(day, day, (birth, on) => {
      const adult = birthday(birth, MIN_BORROWER_AGE) <= on;
      expect(ageOn(birth, on) >= MIN_BORROWER_AGE).toBe(adult);
      expect(codeOf(() => assertOfAge(birth, on))).toBe(birth > on ? 'BIRTH_DATE_IN_FUTURE' : adult ? null : 'BORROWER_UNDER_AGE');
    }), { numRuns: 2000 });
  });

  it('corners: the day before the 18th birthday, the day itself, 29 February', () => {
    expect(codeOf(() => assertOfAge('2008-11-30', '2026-11-29'))).toBe('BORROWER_UNDER_AGE');
    expect(codeOf(() => assertOfAge('2008-11-30', '2026-11-30'))).toBeNull();
    expect(codeOf(() => assertOfAge('2008-02-29', '2026-02-28'))).toBe('BORROWER_UNDER_AGE');
    expect(codeOf(() => assertOfAge('2008-02-29', '2026-03-01'))).toBeNull();
    expect(codeOf(() => assertOfAge('2015-06-01', '2026-11-30'))).toBe('BORROWER_UNDER_AGE');
    expect(codeOf(() => assertOfAge('2027-01-01', '2026-11-30'))).toBe('BIRTH_DATE_IN_FUTURE');
  });

  it('property: a valid resident identity number gives back the birth date written in it; an invalid one gives none', () => {
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 999 }), (birth, serial) => {
      const head = `110105${birth.replaceAll('-', '')}${String(serial).padStart(3, '0')}`;
      const check = residentIdCheckCharacter(head);
      expect(residentIdBirthDate(head + check)).toBe(birth);
      expect(residentIdBirthDate(head + (check === '0' ? '1' : '0'))).toBeNull();
    }));
  });
});
