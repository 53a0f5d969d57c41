import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import type { Projection } from '../../src/projections/projection.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from '../../src/projections/runner.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { FakeEventStore } from './runner-fake-event-store.js';
import { KNOWN } from './runner-projections.js';

/** A fake log, a real SQLite read store in a temp folder, and runners over them that close with `cleanup`. */
export function runnerHarness() {
  const dir = mkdtempSync(join(tmpdir(), 'lendcore-runner-'));
  const path = join(dir, 'read.db');
  const log = new FakeEventStore();
  const stores: SqliteReadStore[] = [];
  const runners: ProjectionRunner[] = [];
  const openStore = () => {
    const store = SqliteReadStore.open({ path });
    stores.push(store);
    return store;
  };
  const readStore = openStore();
  return {
    log,
    readStore,
    openStore,
    runner(projections: Projection[], options: Partial<ProjectionRunnerOptions> = {}) {
      const runner = new ProjectionRunner({
        eventStore: log.asEventStore(),
        readStore,
        projections,
        knownEventTypes: KNOWN,
        registry: new Registry(),
        ...options,
      });
      runners.push(runner);
      return runner;
    },
    async cleanup() {
      for (const runner of runners) await runner.stop();
      for (const store of stores) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls a condition the runner reaches asynchronously (no timing threshold: it only bounds a hang). */
export async function until(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
