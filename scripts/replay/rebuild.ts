import { parseArgs } from 'node:util';
import type { EventStore } from '../../src/eventstore/port.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { ALL_EVENT_TYPES } from '../../src/projections/models/event-types.js';
import { progressPrinter } from '../../src/projections/progress-bar.js';
import type { Projection } from '../../src/projections/projection.js';
import { rebuildProjections, type RebuildProgress } from '../../src/projections/rebuild.js';
import type { ReadStore } from '../../src/readstore/port.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { lendcoreUpcasters } from '../../src/runtime/upcasters.js';

export interface ReplayOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projections: Projection[];
  names: string[] | 'all';
  onProgress?: (progress: RebuildProgress) => void;
  knownEventTypes?: ReadonlySet<string>;
  /** Who holds the projections' leases while replaying, so no lease-holding worker writes meanwhile. */
  owner?: string;
}

const REPLAY_LEASE_MS = 24 * 60 * 60 * 1_000;

/**
 * Rebuilds the named projections from the whole log in one pass and swaps them in; returns the
 * position they were rebuilt to. Refuses when another worker holds one of their leases.
 */
export async function replay(options: ReplayOptions): Promise<bigint> {
  const selected = options.names === 'all' ? options.projections : options.names.map((name) => byName(options.projections, name));
  const owner = options.owner ?? `replay-${process.pid}`;
  const leased: string[] = [];
  try {
    for (const { name } of selected) {
      if (!(await options.readStore.acquireLease(name, owner, REPLAY_LEASE_MS, new Date()))) {
        throw new Error(`projection ${name} is running in a worker that holds its lease; stop it first`);
      }
      leased.push(name);
    }
    return await rebuildProjections({
      eventStore: options.eventStore,
      readStore: options.readStore,
      projections: selected,
      knownEventTypes: options.knownEventTypes ?? new Set(ALL_EVENT_TYPES),
      onProgress: options.onProgress,
    });
  } finally {
    for (const name of leased) await options.readStore.releaseLease(name, owner);
  }
}

/** `lendcore replay --events <file> --readmodels <file> --projection <name>|all`; resolves to the exit code. */
export async function main(argv: string[], projections: Projection[], out: NodeJS.WriteStream = process.stderr): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { events: { type: 'string' }, readmodels: { type: 'string' }, projection: { type: 'string', multiple: true } },
  });
  if (!values.events || !values.readmodels || !values.projection?.length) {
    out.write('usage: lendcore replay --events <file> --readmodels <file> --projection <name>|all\n');
    return 2;
  }
  const eventStore = SqliteEventStore.open({ path: values.events, upcasters: lendcoreUpcasters() });
  const readStore = SqliteReadStore.open({ path: values.readmodels });
  const printer = progressPrinter(out);
  try {
    const names = values.projection.includes('all') ? 'all' : values.projection;
    const position = await replay({ eventStore, readStore, projections, names, onProgress: (p) => printer.update(p) });
    printer.done();
    out.write(`rebuilt ${names === 'all' ? projections.map((p) => p.name).join(', ') : names.join(', ')} to position ${position}\n`);
    return 0;
  } catch (error) {
    out.write(`replay failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await readStore.close();
    await eventStore.close();
  }
}

function byName(projections: Projection[], name: string): Projection {
  const projection = projections.find((p) => p.name === name);
  if (!projection) throw new Error(`no projection named ${name} (known: ${projections.map((p) => p.name).join(', ')})`);
  return projection;
}
