import { handleCommand, type CommandResult } from '../commands/handle-command.js';
import type { CommandContext } from '../commands/command-context.js';
import type { Decider, DomainEvent } from '../domain/decider.js';
import type { SnapshotOptions } from '../commands/load-aggregate.js';
import type { EventStore } from '../eventstore/port.js';
import type { ReadStore } from '../readstore/port.js';
import type { PiiVault } from '../vault/pii-vault.js';
import { businessDateAt, businessTimestamp } from './business-date.js';

/** What the application services need; the HTTP app's deps and the demo both satisfy it. */
export interface AppServices {
  eventStore: EventStore;
  readStore: ReadStore;
  vault: PiiVault;
  clock: { now(): Date; timeZone?: string };
}

/** Who asks and under which client guards; the service stamps the business time itself. */
export type CommandMeta = Omit<CommandContext, 'occurredAt'>;

/** A command's answer: the entity id and where its stream and the log stood afterwards. */
export interface CommandOutcome {
  id: string;
  revision: bigint;
  position: bigint;
  /** False for a no-op (a replayed reference, a repeated erasure) or a replayed Idempotency-Key. */
  created: boolean;
}

/** Today's business date: the services' clock read in the lender's time zone. */
export function businessToday(services: AppServices): string {
  return businessDateAt(services.clock.now(), services.clock.timeZone);
}

/**
 * Business time for a command effective on `date`: that day at the current time of day, so the
 * read models' business date (occurredAt's day) is the effective date; now when no date is given.
 */
export function occurredAtFor(services: AppServices, date?: string | null): string {
  return businessTimestamp(services.clock.now(), services.clock.timeZone, date ?? undefined);
}

export interface RunRequest<C, E extends DomainEvent, S> {
  id: string;
  streamId: string;
  decider: Decider<C, E, S>;
  command: C;
  meta: CommandMeta;
  occurredAt: string;
  snapshot?: SnapshotOptions<S>;
  /** See CommandRequest.deciderFor. */
  deciderFor?(state: S): Promise<Decider<C, E, S>>;
}

/** Runs the command through the pipeline (idempotency, If-Match, conflict retry) and shapes its outcome. */
export async function runCommand<C, E extends DomainEvent, S>(
  services: AppServices,
  request: RunRequest<C, E, S>,
): Promise<CommandResult<S> & { outcome: CommandOutcome }> {
  const result = await handleCommand({ store: services.eventStore }, {
    streamId: request.streamId,
    decider: request.decider,
    command: request.command,
    context: { ...request.meta, occurredAt: request.occurredAt },
    ...(request.snapshot ? { snapshot: request.snapshot } : {}),
    ...(request.deciderFor ? { deciderFor: request.deciderFor } : {}),
  });
  // A replayed Idempotency-Key answers for the stream the first request created, not this request's fresh id.
  const id = result.replayed ? result.streamId.slice(result.streamId.indexOf('-') + 1) : request.id;
  const outcome = { id, revision: result.revision, position: result.position, created: result.events.length > 0 };
  return { ...result, outcome };
}
