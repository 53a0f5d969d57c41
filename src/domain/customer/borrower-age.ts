import { DomainError } from '../errors.js';

/**
 * The youngest a borrower may be on the day its loan is applied for or approved: 18 full years,
 * full civil capacity under the PRC Civil Code (arts. 17–18); 《个人贷款管理办法》 lends only to
 * natural persons with full civil capacity. One rule for every product.
 */
export const MIN_BORROWER_AGE = 18;

/** Full years between `birthDate` and `onDate` (both YYYY-MM-DD): a 29 February birthday comes on 1 March in other years. */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** BIRTH_DATE_IN_FUTURE (422) when `birthDate` is after the business date `today`: no one is registered before being born. */
export function assertBornBy(birthDate: string, today: string): void {
  if (birthDate > today) {
    throw new DomainError('BIRTH_DATE_IN_FUTURE', `the resident identity number's birth date ${birthDate} is after the business date ${today}`, 'rule', { birthDate });
  }
}

/** BORROWER_UNDER_AGE (422) when a borrower born on `birthDate` is younger than MIN_BORROWER_AGE on `onDate`. */
export function assertOfAge(birthDate: string, onDate: string): void {
  assertBornBy(birthDate, onDate);
  const age = ageOn(birthDate, onDate);
  if (age < MIN_BORROWER_AGE) {
    throw new DomainError('BORROWER_UNDER_AGE', `the borrower (born ${birthDate}) is ${age} on ${onDate}; a borrower must be at least ${MIN_BORROWER_AGE}`, 'rule', { birthDate, age });
  }
}
