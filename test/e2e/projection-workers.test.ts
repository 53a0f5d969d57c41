import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareReadModels } from '../../src/projections/compare/compare-read-models.js';
import { comparisonDifferences } from '../../src/projections/compare/describe-comparison.js';
import { ALL_EVENT_TYPES } from '../../src/projections/models/event-types.js';
import { rebuildProjections } from '../../src/projections/rebuild.js';
import type { ProjectionRunner } from '../../src/projections/runner.js';
import type { ReadStore } from '../../src/readstore/port.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { SQLITE_LOG_PROJECTIONS } from '../../src/runtime/projections.js';
import { startProjectionWorker, type ProjectionWorkerProcess } from '../support/projection-worker.js';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { borrowerJourney } from './journey.js';

// Timers renew every ttl/3 = 20 s of real time, so they stay out of the way: the test moves the
// workers' lease clock and asks for renewals itself, which makes the expiry boundary exact.
const TTL_MS = 60_000;
const STARTED = Date.parse('2026-03-02T09:00:00.000Z');
let leaseClock = new Date(STARTED);
const now = () => leaseClock;

const NAMES = SQLITE_LOG_PROJECTIONS.map((p) => p.name);
const journey = borrowerJourney('workers');
let api: TestApp;
let first: ProjectionWorkerProcess;
let second: ProjectionWorkerProcess;
let firstAlive = true;

beforeAll(async () => {
  api = await openTestApp({ projectors: 'off' });
  first = await startProjectionWorker(api.runtime.config, 'worker-1', { ttlMs: TTL_MS, now });
  second = await startProjectionWorker(api.runtime.config, 'worker-2', { ttlMs: TTL_MS, now });
});
afterAll(async () => {
  if (firstAlive) await first.stop();
  await second.stop();
  await api.close();
});

/** The projections this worker is running (not stopped). */
async function running(runner: ProjectionRunner): Promise<string[]> {
  return (await runner.status()).filter((s) => s.state !== 'stopped').map((s) => s.name);
}

/** The projections whose lease nobody holds now: a third owner could take them (and gives them straight back). */
async function unleased(readStore: ReadStore): Promise<string[]> {
  const free: string[] = [];
  for (const name of NAMES) {
    if (!(await readStore.acquireLease(name, 'probe', TTL_MS, leaseClock))) continue;
    free.push(name);
    await readStore.releaseLease(name, 'probe');
  }
  return free;
}

describe('the API with projectors off beside two `lendcore project` workers sharing one SQLite read store', () => {
  it('the API runs no projection and says so; the worker started first holds every lease, the other runs nothing', async () => {
    expect(api.runtime.projections).toBeNull();
    const admin = await api.call(STAFF.admin, 'GET', '/v1/admin/projections');
    expect(admin.statusCode).toBe(409);
    expect(admin.json()).toMatchObject({ code: 'PROJECTORS_ELSEWHERE' });
    expect(await running(first.runner)).toEqual(NAMES);
    await second.runner.renewLeases();
    expect(await running(second.runner)).toEqual([]);
    expect(await unleased(api.runtime.readStore)).toEqual([]);
  });

  for (const step of journey.slice(0, 3)) it(`reads catch up through worker-1: ${step.name}`, () => step.run(api));

  it('worker-1 dies holding its leases: worker-2 takes none before they expire and every one once they have', async () => {
    await first.crash();
    firstAlive = false;
    leaseClock = new Date(STARTED + TTL_MS - 1);
    await second.runner.renewLeases();
    expect(await running(second.runner)).toEqual([]);
    expect(await unleased(api.runtime.readStore)).toEqual([]);
    leaseClock = new Date(STARTED + TTL_MS);
    await second.runner.renewLeases();
    expect(await running(second.runner)).toEqual(NAMES);
  });

  for (const step of journey.slice(3)) it(`reads catch up through worker-2: ${step.name}`, () => step.run(api));

  it('leaves read models, kept by worker-2 alone since the takeover, equal to a full rebuild of the log', async () => {
    const head = await api.runtime.eventStore.headPosition();
    await api.caughtUp(head);
    expect((await second.runner.status()).map((s) => [s.name, s.position])).toEqual(NAMES.map((name) => [name, head]));
    const dir = mkdtempSync(path.join(tmpdir(), 'lendcore-rebuilt-'));
    const rebuilt = SqliteReadStore.open({ path: path.join(dir, 'rebuilt.db') });
    try {
      await rebuildProjections({ eventStore: api.runtime.eventStore, readStore: rebuilt, projections: SQLITE_LOG_PROJECTIONS, knownEventTypes: new Set(ALL_EVENT_TYPES) });
      expect(comparisonDifferences(await compareReadModels(api.runtime.readStore, rebuilt, SQLITE_LOG_PROJECTIONS))).toEqual([]);
    } finally {
      await rebuilt.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
