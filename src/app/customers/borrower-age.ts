import { assertOfAge } from '../../domain/customer/borrower-age.js';
import type { CustomerRegistered } from '../../domain/customer/events.js';
import { residentIdBirthDate } from '../../domain/customer/resident-id.js';
import type { AppServices } from '../services.js';
import { customerStream } from '../streams.js';

/**
 * The customer's birth date from its national id when that id is a resident identity number
 * (opened from its sealed registration); null when the id carries none (a passport, another
 * document), when the customer does not exist or was erased.
 */
export async function birthDateOfCustomer(services: AppServices, customerId: string): Promise<string | null> {
  const [first] = await services.eventStore.readStream(customerStream(customerId), { maxCount: 1 });
  if (first?.type !== 'CustomerRegistered') return null;
  const { customerId: id, profile } = first.data as CustomerRegistered['data'];
  const nationalId = await services.vault.open(id, profile.nationalId);
  return nationalId === null ? null : residentIdBirthDate(nationalId);
}

/**
 * BORROWER_UNDER_AGE (422) when the customer's resident id says it is under MIN_BORROWER_AGE on
 * `onDate` (YYYY-MM-DD), BIRTH_DATE_IN_FUTURE (422) when it was not born yet; nothing when its id carries no birth date.
 */
export async function assertBorrowerOfAge(services: AppServices, customerId: string, onDate: string): Promise<void> {
  const birthDate = await birthDateOfCustomer(services, customerId);
  if (birthDate !== null) assertOfAge(birthDate, onDate);
}
