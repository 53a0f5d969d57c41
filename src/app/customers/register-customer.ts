import { customerDecider } from '../../domain/customer/decider.js';
import type { SealedProfile } from '../../domain/customer/events.js';
import { uuidv7 } from '../../eventstore/uuidv7.js';
import { occurredAtFor, runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
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

/** Registers a customer under the given id or a new UUIDv7 (a borrower registering itself is recorded as 'self'), then blind-indexes its PII for search. */
export async function registerCustomer(services: AppServices, meta: CommandMeta, input: RegisterCustomerInput): Promise<CommandOutcome> {
  const customerId = input.customerId ?? uuidv7(services.clock.now().getTime());
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
