import { findSeenRequest } from '../../commands/idempotency-lookup.js';
import { DomainError } from '../../domain/errors.js';
import { assertBornBy } from '../../domain/customer/borrower-age.js';
import { customerDecider } from '../../domain/customer/decider.js';
import type { SealedProfile } from '../../domain/customer/events.js';
import { residentIdBirthDate } from '../../domain/customer/resident-id.js';
import { uuidv7 } from '../../eventstore/uuidv7.js';
import { businessToday, occurredAtFor, runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { customerStream } from '../streams.js';
import { sealPii } from './seal-pii.js';

export interface RegisterCustomerInput {
  customerId?: string;
  name: string;
  nationalId: string;
  phone: string;
  email?: string | null;
}

/** Seals the profile with the customer's own key, so no PII in clear reaches the command or the log. */
async function sealProfile(services: AppServices, customerId: string, input: RegisterCustomerInput): Promise<SealedProfile> {
  const seal = (text: string) => sealPii(services, customerId, text);
  return {
    name: await seal(input.name),
    nationalId: await seal(input.nationalId),
    phone: await seal(input.phone),
    email: input.email ? await seal(input.email) : null,
  };
}

/**
 * 409 NATIONAL_ID_TAKEN when another customer (not erased) holds this national id, found through
 * the blind index (no customer is decrypted). A replayed Idempotency-Key skips it: the pipeline
 * answers with the first result. Two registrations racing with one id can both pass; the check
 * narrows, not closes, that window (the log has no unique constraint on sealed values).
 */
async function refuseTakenNationalId(services: AppServices, meta: CommandMeta, customerId: string, nationalId: string): Promise<void> {
  if (meta.idempotencyKey && (await findSeenRequest(services.eventStore, meta, meta.idempotencyKey)) !== null) return;
  const holders = await services.vault.holdersOfNationalId(nationalId);
  if (holders.some((holder) => holder !== customerId)) {
    throw new DomainError('NATIONAL_ID_TAKEN', 'another customer is already registered with this national id', 'conflict');
  }
}

/**
 * Registers a customer under the given id or a new UUIDv7 (a borrower registering itself is recorded
 * as 'self'), then blind-indexes its PII for search. A resident identity number whose birth date is
 * after the business date is BIRTH_DATE_IN_FUTURE (422).
 */
export async function registerCustomer(services: AppServices, meta: CommandMeta, input: RegisterCustomerInput): Promise<CommandOutcome> {
  const customerId = input.customerId ?? uuidv7(services.clock.now().getTime());
  const birthDate = residentIdBirthDate(input.nationalId);
  if (birthDate !== null) assertBornBy(birthDate, businessToday(services));
  await refuseTakenNationalId(services, meta, customerId, input.nationalId);
  const profile = await sealProfile(services, customerId, input);
  const registeredBy = meta.actor.role === 'borrower' ? 'self' : 'officer';
  const { outcome } = await runCommand(services, {
    id: customerId,
    streamId: customerStream(customerId),
    decider: customerDecider,
    command: { type: 'Register', data: { customerId, profile, registeredBy, registrar: meta.actor.sub } },
    meta,
    occurredAt: occurredAtFor(services),
  });
  // Only once the registration is in the log: a refused one must not make another customer findable by this PII.
  if (outcome.created) await services.vault.indexProfile(customerId, input);
  return outcome;
}
