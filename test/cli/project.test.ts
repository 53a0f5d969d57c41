import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openEventStore } from '../../src/runtime/open-stores.js';
import { startProjectionWorkerProcess, type WorkerProcess } from '../../src/runtime/projection-worker-process.js';
import { SQLITE_LOG_PROJECTIONS } from '../../src/runtime/projections.js';
import { appendCustomer, appendUnknownEvent, capturingLogger, eventually, removeDataDirs, tempConfig } from '../runtime/runtime-fixtures.js';
import { captureIo } from './cli-io.js';

const workers: WorkerProcess[] = [];
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.close();
  removeDataDirs();
});

const parsed = (lines: string[]) => lines.map((line) => JSON.parse(line) as { level: number; msg: string; projection?: string; error?: string });

describe('lendcore project (the worker process)', () => {
  it('logs each projection catching up, then a failure at error level with its cause, and serves /metrics and /health', async () => {
    const config = tempConfig();
    const eventStore = await openEventStore(config);
    const lines: string[] = [];
    try {
      await appendCustomer(eventStore, 'c1');
      const worker = await startProjectionWorkerProcess({ config, logger: capturingLogger(lines), owner: 'worker-1', metricsPort: 0, stateCheckMs: 20 });
      workers.push(worker);
      await eventually(async () => SQLITE_LOG_PROJECTIONS.every((p) => parsed(lines).some((l) => l.projection === p.name && l.msg.includes('caught up'))));
      expect(worker.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${worker.metricsUrl}/health`)).json()).toEqual({ status: 'ok' });
      expect(await (await fetch(`${worker.metricsUrl}/metrics`)).text()).toContain('lendcore_projection_position{projection="customer-account"} 1');

      await appendUnknownEvent(eventStore);
      const failure = await eventually(async () => parsed(lines).find((l) => l.msg.includes('failed')));
      expect(failure.level).toBe(50);
      expect(failure.error).toContain('NotInTheCatalog');
      const health = await fetch(`${worker.metricsUrl}/health`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { failed: unknown[] }).failed.length).toBeGreaterThan(0);
      expect((await fetch(`${worker.metricsUrl}/nope`)).status).toBe(404);
      expect((await fetch(`${worker.metricsUrl}/metrics`, { method: 'POST' })).status).toBe(405);
    } finally {
      await eventStore.close();
    }
  });

  it('closes what it opened when the metrics port is taken', async () => {
    const config = tempConfig();
    const first = await startProjectionWorkerProcess({ config, logger: capturingLogger([]), owner: 'worker-1', metricsPort: 0 });
    workers.push(first);
    const port = Number(new URL(first.metricsUrl!).port);
    await expect(startProjectionWorkerProcess({ config, logger: capturingLogger([]), owner: 'worker-2', metricsPort: port })).rejects.toThrow(/EADDRINUSE/);
    // worker-2 closed its stores and runner on the way out; worker-1 runs on undisturbed.
    expect((await first.runner.status()).map((s) => s.state)).toEqual(SQLITE_LOG_PROJECTIONS.map(() => 'live'));
  });

  it('refuses a metrics port that is not a port number (exit 2)', async () => {
    for (const port of ['abc', '70000']) {
      const io = captureIo({ LENDCORE_DATA_DIR: '/nonexistent' });
      expect(await main(['project', '--metrics-port', port], io)).toBe(2);
      expect(io.stderr.join('\n')).toContain('--metrics-port must be a port number');
    }
  });
});
