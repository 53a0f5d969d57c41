import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { EventStore, RecordedEvent } from '../../src/eventstore/port.js';
import { applyAndCommit, applyTarget } from '../../src/projections/apply-batch.js';
import { ALL_EVENT_TYPES } from '../../src/projections/models/event-types.js';
import { generalLedgerProjection, loanSummaryProjection, regulatoryProjection } from '../../src/projections/models/index.js';
import { rebuildProjections } from '../../src/projections/rebuild.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { attempt, commandFor, DISBURSED, step } from '../servicing/servicing-history.js';
import { ServicedLoan } from '../servicing/serviced-loan.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lendcore-rebuild-batches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PROJECTIONS = [loanSummaryProjection, generalLedgerProjection, regulatoryProjection];
const known = new Set<string>(ALL_EVENT_TYPES);
const now = () => new Date('2024-06-01T00:00:00.000Z');

/** One loan's stream after a random servicing history. */
const history = (loanId: string) => fc.array(step, { minLength: 1, maxLength: 10 }).map((drawn) => {
  const loan = new ServicedLoan(loanId);
  let today = DISBURSED;
  for (const [n, s] of drawn.entries()) {
    if (s.op === 'advance') for (let d = 0; d < s.days; d++) loan.close((today = addDays(today, 1)));
    const command = commandFor(s, today, n, loan.state);
    if (command) attempt(loan, command, today);
  }
  return loan.log.events;
});

/** The loans' streams merged in the order `picks` draws from them, with positions and event ids of one log. */
function interleave(streams: RecordedEvent[][], picks: number[]): RecordedEvent[] {
  const next = streams.map(() => 0);
  const log: RecordedEvent[] = [];
  let pick = 0;
  while (log.length < streams.reduce((n, s) => n + s.length, 0)) {
    const open = streams.map((_, i) => i).filter((i) => next[i]! < streams[i]!.length);
    const from = open[(picks[pick++ % Math.max(1, picks.length)] ?? 0) % open.length]!;
    const event = streams[from]![next[from]!++]!;
    const position = BigInt(log.length + 1);
    log.push({ ...event, position, eventId: `evt-${position}` });
  }
  return log;
}

function storeOf(log: RecordedEvent[]): EventStore {
  const unsupported = (): never => {
    throw new Error('not used by a rebuild');
  };
  return {
    readAll: async ({ fromPosition = 0n, maxCount = Number.MAX_SAFE_INTEGER } = {}) => log.filter((e) => e.position > fromPosition).slice(0, maxCount),
    readStream: async (streamId, { fromRevision = 0n, maxCount = Number.MAX_SAFE_INTEGER } = {}) =>
      log.filter((e) => e.streamId === streamId && e.revision >= fromRevision).slice(0, maxCount),
    readSnapshot: async () => null,
    headPosition: async () => BigInt(log.length),
    subscribeToAll: unsupported, append: unsupported, findIdempotency: unsupported, streamRevision: unsupported,
    verifyStreams: unsupported, writeSnapshot: unsupported, close: async () => undefined,
  };
}

async function documentsOf(store: SqliteReadStore): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const { name } of PROJECTIONS.flatMap((p) => p.collections)) {
    all[name] = [];
    for await (const doc of store.scan(name)) all[name].push(doc);
  }
  return all;
}

describe('a rebuild in pages of any size', () => {
  it('leaves the loan summary, ledger and regulatory models as applying the log one event at a time does (several loans interleaved, pages cutting histories anywhere)', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(
      fc.tuple(history('L1'), history('L2'), history('L3')), fc.array(fc.nat(), { maxLength: 40 }), fc.integer({ min: 1, max: 9 }),
      async (streams, picks, batchSize) => {
        const log = interleave(streams, picks);
        const eventStore = storeOf(log);
        const live = SqliteReadStore.open({ path: path.join(dir, `live-${run}.db`) });
        const rebuilt = SqliteReadStore.open({ path: path.join(dir, `rebuilt-${run++}.db`) });
        try {
          for (const spec of PROJECTIONS.flatMap((p) => p.collections)) await live.ensureCollection(spec);
          const targets = PROJECTIONS.map((p) => applyTarget(p, { store: live, eventStore, knownEventTypes: known, now }));
          for (const event of log) for (const target of targets) await applyAndCommit(target, [event]);
          await rebuildProjections({ eventStore, readStore: rebuilt, projections: PROJECTIONS, knownEventTypes: known, batchSize, now });
          expect(await documentsOf(rebuilt)).toEqual(await documentsOf(live));
        } finally {
          await live.close();
          await rebuilt.close();
        }
      },
    ), { numRuns: 25 });
  });
});
