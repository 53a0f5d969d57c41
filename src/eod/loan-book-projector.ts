import { Registry } from 'prom-client';
import type { EventStore } from '../eventstore/port.js';
import type { ProjectionRunner } from '../projections/runner.js';
import type { ReadStore } from '../readstore/port.js';
import { createProjectionRunner } from '../runtime/projections.js';

/**
 * For CLI runs: starts projectors in this process under leases and returns them (stop them when
 * done). Where a server or `lendcore project` worker already holds a projection's lease it keeps
 * it and this runner stays passive for that projection, so two processes never apply the same
 * events; where nobody does, these keep the loan book current as this command appends (a book
 * that happened to be current when the command began is no sign that anyone will keep it so).
 */
export async function startLeasedProjectors(eventStore: EventStore, readStore: ReadStore, owner: string): Promise<ProjectionRunner> {
  const runner = createProjectionRunner({ eventStore, readStore, registry: new Registry(), lease: { owner, ttlMs: 15_000 } });
  await runner.start();
  return runner;
}
