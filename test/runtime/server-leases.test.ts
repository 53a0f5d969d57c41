import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/runtime/open-runtime.js';
import { openEventStore, openReadStore } from '../../src/runtime/open-stores.js';
import { createProjectionRunner, SQLITE_LOG_PROJECTIONS } from '../../src/runtime/projections.js';
import { appendCustomer, capturingLogger, removeDataDirs, tempConfig } from './runtime-fixtures.js';

afterEach(removeDataDirs);

describe('the server\'s projections take leases, as `lendcore project` workers do', () => {
  it('holds every projection\'s lease while it runs (another owner is refused) and releases them on close', async () => {
    const config = tempConfig();
    const runtime = await openRuntime(config, { logger: capturingLogger([]), routes: [] });
    const readStore = await openReadStore(config);
    try {
      for (const { name } of SQLITE_LOG_PROJECTIONS) expect(await readStore.acquireLease(name, 'worker-1', 60_000, new Date()), name).toBe(false);
      await runtime.close();
      for (const { name } of SQLITE_LOG_PROJECTIONS) expect(await readStore.acquireLease(name, 'worker-1', 60_000, new Date()), name).toBe(true);
    } finally {
      await runtime.close();
      await readStore.close();
    }
  });

  it('leaves the projections a running worker holds to that worker, and still answers waits from its checkpoints', async () => {
    const config = tempConfig();
    const eventStore = await openEventStore(config);
    const readStore = await openReadStore(config);
    const worker = createProjectionRunner({ eventStore, readStore, registry: new Registry(), lease: { owner: 'worker-1', ttlMs: 60_000 } });
    await worker.start();
    const runtime = await openRuntime(config, { logger: capturingLogger([]), routes: [] });
    try {
      const head = await appendCustomer(runtime.eventStore, 'c1');
      expect(await runtime.projections!.waitForPosition('all', head, 10_000)).toBe(true);
      // The server never started a projection: each one runs in the worker alone.
      expect((await runtime.projections!.status()).map((s) => s.state)).toEqual(SQLITE_LOG_PROJECTIONS.map(() => 'stopped'));
      expect((await worker.status()).map((s) => [s.state, s.position])).toEqual(SQLITE_LOG_PROJECTIONS.map(() => ['live', head]));
      expect((await runtime.readStore.find('customer_account', {})).items).toHaveLength(1);
    } finally {
      await runtime.close();
      await worker.stop();
      await readStore.close();
      await eventStore.close();
    }
  });
});
