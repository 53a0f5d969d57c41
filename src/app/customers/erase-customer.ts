import { customerDecider } from '../../domain/customer/decider.js';
import { occurredAtFor, runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { customerStream } from '../streams.js';

/**
 * Crypto-shreds a customer's PII: appends CustomerErased, then destroys the data key. In that
 * order a failure between the two leaves an erasure a retry completes (the decider answers a
 * repeated erasure with no events, and the key is destroyed again), never a key gone unrecorded.
 */
export async function eraseCustomer(services: AppServices, meta: CommandMeta, customerId: string, reason: string): Promise<CommandOutcome> {
  const { outcome } = await runCommand(services, {
    id: customerId,
    streamId: customerStream(customerId),
    decider: customerDecider,
    command: { type: 'Erase', data: { reason, erasedBy: meta.actor.sub } },
    meta,
    occurredAt: occurredAtFor(services),
  });
  await services.vault.erase(customerId);
  return outcome;
}
