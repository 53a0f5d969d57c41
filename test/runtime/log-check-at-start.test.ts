import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.js';
import type { LogCheckData, LogCheckThread } from '../../src/runtime/log-check-at-start.js';
import { openRuntime, type Runtime } from '../../src/runtime/open-runtime.js';
import { appendCustomer, capturingLogger, removeDataDirs, tempConfig } from './runtime-fixtures.js';
import { spawnTypeScriptWorker } from './typescript-thread.js';

/** The real check thread, loaded from the TypeScript sources. */
const typescriptThread = (data: LogCheckData): LogCheckThread => spawnTypeScriptWorker('log-check-thread.ts', data);

const runtimes: Runtime[] = [];
afterEach(async () => {
  for (const runtime of runtimes.splice(0)) await runtime.close();
  removeDataDirs();
});

async function started(config: Config, lines: string[] = []): Promise<Runtime> {
  const runtime = await openRuntime(config, { logger: capturingLogger(lines), routes: [], spawnLogCheck: typescriptThread });
  runtimes.push(runtime);
  return runtime;
}

describe('the log check at start', () => {
  it('is ready over an intact log, and not ready (503, naming the finding) over one edited while the server was down', async () => {
    const config = tempConfig({ LENDCORE_PROJECTORS: 'off' });
    const first = await started(config);
    expect(await first.logCheck!.done).toMatchObject({ findings: [] });
    await appendCustomer(first.eventStore, 'c1');
    await appendCustomer(first.eventStore, 'c2');
    expect((await first.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    await first.close();
    runtimes.splice(0);

    const db = new Database(config.eventStore.kind === 'sqlite' ? config.eventStore.path : '');
    db.prepare(`UPDATE events SET data = replace(data, 'c1', 'c9') WHERE stream_id = 'customer-c1'`).run();
    db.close();

    const lines: string[] = [];
    const second = await started(config, lines);
    const result = await second.logCheck!.done;
    expect(result?.findings).toEqual([expect.stringMatching(/^BROKEN customer-c1 at revision 0 \(event [0-9a-f-]+\): hash_mismatch/)]);
    const ready = await second.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((JSON.parse(ready.body) as { detail: string }).detail).toMatch(/the event log fails its integrity check: BROKEN customer-c1 at revision 0 .*hash_mismatch.*run lendcore verify/);
    expect(lines.some((line) => line.includes('the log was altered') && line.includes('customer-c1'))).toBe(true);
  }, 60_000);
});
