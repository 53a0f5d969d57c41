import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { openRuntime, type Runtime } from '../../src/runtime/open-runtime.js';
import { ProjectionThread, type ProjectionThreadData, type ThreadHandle } from '../../src/runtime/projection-thread-host.js';
import { SQLITE_LOG_PROJECTIONS } from '../../src/runtime/projections.js';
import { appendCustomer, appendUnknownEvent, capturingLogger, eventually, removeDataDirs, tempConfig } from './runtime-fixtures.js';
import { spawnTypeScriptThread } from './typescript-thread.js';

const runtimes: Runtime[] = [];
afterEach(async () => {
  for (const runtime of runtimes.splice(0)) await runtime.close();
  removeDataDirs();
});

/** A runtime whose projections run in a real worker thread; `threads` collects every thread it starts. */
async function threadedRuntime(threads: ThreadHandle[], lines: string[] = []): Promise<Runtime> {
  const spawnProjectionThread = (data: ProjectionThreadData) => {
    const thread = spawnTypeScriptThread(data);
    threads.push(thread);
    return thread;
  };
  const runtime = await openRuntime(tempConfig(), { logger: capturingLogger(lines), routes: [], spawnProjectionThread });
  runtimes.push(runtime);
  return runtime;
}

const exited = (thread: ThreadHandle) => new Promise<number>((resolve) => thread.on('exit', resolve));

describe('projections in a worker thread', () => {
  it('applies what the HTTP thread appends and reports status and metrics across the thread boundary', async () => {
    const threads: ThreadHandle[] = [];
    const runtime = await threadedRuntime(threads);
    expect(threads).toHaveLength(1);
    const head = await appendCustomer(runtime.eventStore, 'c1');
    expect(await runtime.projections!.waitForPosition('all', head, 10_000)).toBe(true);
    const statuses = await runtime.projections!.status();
    expect(statuses.map((s) => [s.name, s.state, s.position, s.headPosition])).toEqual(SQLITE_LOG_PROJECTIONS.map((p) => [p.name, 'live', head, head]));
    const audit = await runtime.readStore.find('customer_account', {});
    expect(audit.items).toHaveLength(1);
    const metrics = await runtime.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain(`lendcore_projection_position{projection="customer-account"} ${head}`);
  });

  it('opens the log with its integrity key, so the loan snapshots the thread folds from are authenticated', async () => {
    const seen: ProjectionThreadData[] = [];
    const spawnProjectionThread = (data: ProjectionThreadData) => {
      seen.push(data);
      return spawnTypeScriptThread(data);
    };
    const runtime = await openRuntime(tempConfig(), { logger: capturingLogger([]), routes: [], spawnProjectionThread });
    runtimes.push(runtime);
    const key = (runtime.eventStore as SqliteEventStore).macKey;
    expect(key).not.toBeNull();
    expect(Buffer.from(seen[0]!.macKey!).equals(key!)).toBe(true);
  });

  it('shows a projection that failed in the thread as failed in status() and on /ready', async () => {
    const runtime = await threadedRuntime([]);
    await appendUnknownEvent(runtime.eventStore);
    const failed = await eventually(async () => (await runtime.projections!.status()).find((s) => s.state === 'failed'));
    expect(failed.error).toContain('NotInTheCatalog');
    const ready = await runtime.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().detail).toContain(`projection ${failed.name} failed`);
  });

  it('restarts a thread that died; its projections resume from their checkpoints', async () => {
    const threads: ThreadHandle[] = [];
    const lines: string[] = [];
    const runtime = await threadedRuntime(threads, lines);
    const before = await appendCustomer(runtime.eventStore, 'c1');
    expect(await runtime.projections!.waitForPosition('all', before, 10_000)).toBe(true);
    await threads[0]!.terminate();
    const after = await appendCustomer(runtime.eventStore, 'c2');
    expect(await runtime.projections!.waitForPosition('all', after, 20_000)).toBe(true);
    expect(threads).toHaveLength(2);
    expect((await runtime.readStore.find('customer_account', {})).items).toHaveLength(2);
    expect(lines.some((l) => l.includes('projection thread died; restarting it'))).toBe(true);
  });

  it('stops the thread on close and releases its leases', async () => {
    const threads: ThreadHandle[] = [];
    const runtime = await threadedRuntime(threads);
    const exit = exited(threads[0]!);
    await runtime.close();
    await exit;
    const readStore = SqliteReadStore.open({ path: runtime.config.readStore.kind === 'sqlite' ? runtime.config.readStore.path : '' });
    try {
      for (const { name } of SQLITE_LOG_PROJECTIONS) expect(await readStore.acquireLease(name, 'another-worker', 1_000, new Date()), name).toBe(true);
    } finally {
      await readStore.close();
    }
  });
});

describe('ProjectionThread (host side)', () => {
  it('fails start() with the thread\'s own error when the thread cannot open its stores', async () => {
    const config = tempConfig();
    const lines: string[] = [];
    const readStore = SqliteReadStore.open({ path: config.readStore.kind === 'sqlite' ? config.readStore.path : '' });
    const eventStore = SqliteEventStore.open({ path: config.eventStore.kind === 'sqlite' ? config.eventStore.path : '' });
    // A regular file where the thread expects a folder: opening the stores fails.
    const notAFolder = path.join(config.dataDir, 'jwt-secret');
    writeFileSync(notAFolder, 'x');
    const data: ProjectionThreadData = {
      eventStorePath: path.join(notAFolder, 'lendcore.db'), readStorePath: path.join(notAFolder, 'read.db'), synchronous: 'NORMAL', lease: { owner: 'o', ttlMs: 1_000 },
    };
    const thread = new ProjectionThread({ spawn: () => spawnTypeScriptThread(data), projections: SQLITE_LOG_PROJECTIONS, eventStore, readStore, logger: capturingLogger(lines) });
    try {
      await expect(thread.start()).rejects.toThrow(/EEXIST|ENOTDIR/);
      const statuses = await thread.status();
      expect(statuses.every((s) => s.state === 'failed' && s.error?.includes('failed to start'))).toBe(true);
      await expect(thread.rebuild('customer-account')).rejects.toMatchObject({ code: 'PROJECTIONS_RESTARTING' });
    } finally {
      await thread.stop();
      await readStore.close();
      await eventStore.close();
    }
  });

  it('gives up after its restart budget and keeps reporting the projections failed, while checkpoints still answer waits', async () => {
    const config = tempConfig();
    const eventStore = SqliteEventStore.open({ path: config.eventStore.kind === 'sqlite' ? config.eventStore.path : '' });
    const readStore = SqliteReadStore.open({ path: config.readStore.kind === 'sqlite' ? config.readStore.path : '' });
    const data: ProjectionThreadData = {
      eventStorePath: config.eventStore.kind === 'sqlite' ? config.eventStore.path : '',
      readStorePath: config.readStore.kind === 'sqlite' ? config.readStore.path : '', synchronous: 'NORMAL', lease: { owner: 'o', ttlMs: 60_000 },
    };
    const threads: ThreadHandle[] = [];
    const lines: string[] = [];
    const spawn = () => {
      const thread = spawnTypeScriptThread(data);
      threads.push(thread);
      return thread;
    };
    const thread = new ProjectionThread({ spawn, projections: SQLITE_LOG_PROJECTIONS, eventStore, readStore, logger: capturingLogger(lines), maxRestarts: 0 });
    try {
      await thread.start();
      const head = await appendCustomer(eventStore, 'c1');
      expect(await thread.waitForPosition('all', head, 10_000)).toBe(true);
      await threads[0]!.terminate();
      const statuses = await eventually(async () => {
        const all = await thread.status();
        return all.every((s) => s.state === 'failed' && s.error?.includes('gave up')) ? all : null;
      });
      expect(statuses.map((s) => s.position)).toEqual(SQLITE_LOG_PROJECTIONS.map(() => head));
      expect(threads).toHaveLength(1);
      expect(await thread.waitForPosition('loan-summary', head, 1_000)).toBe(true);
      expect(await thread.waitForPosition('loan-summary', head + 1n, 100)).toBe(false);
      await expect(thread.waitForPosition('nope', head, 100)).rejects.toMatchObject({ code: 'PROJECTION_NOT_FOUND' });
      expect(lines.some((l) => l.includes('not restarting it again'))).toBe(true);
    } finally {
      await thread.stop();
      await readStore.close();
      await eventStore.close();
    }
  });
});

describe('telling the projection thread about appends', () => {
  it('sends one message per event-loop turn, with the newest head, however many commands appended in it', async () => {
    const posted: unknown[] = [];
    const listeners: ((message: unknown) => void)[] = [];
    const fake: ThreadHandle = {
      postMessage: (message) => posted.push(message),
      on: (event: string, listener: (arg: never) => void) => {
        if (event === 'message') listeners.push(listener as (message: unknown) => void);
        return fake;
      },
      terminate: async () => 0,
    };
    const config = tempConfig();
    const eventStore = SqliteEventStore.open({ path: config.eventStore.kind === 'sqlite' ? config.eventStore.path : '' });
    const readStore = SqliteReadStore.open({ path: config.readStore.kind === 'sqlite' ? config.readStore.path : '' });
    try {
      const thread = new ProjectionThread({ spawn: () => fake, projections: SQLITE_LOG_PROJECTIONS, eventStore, readStore, logger: capturingLogger([]) });
      const started = thread.start();
      for (const listener of listeners) listener({ kind: 'started' });
      await started;
      thread.appended(1n);
      thread.appended(3n);
      thread.appended(2n);
      expect(posted).toEqual([]);
      await new Promise((resolve) => setImmediate(resolve));
      thread.appended(4n);
      await new Promise((resolve) => setImmediate(resolve));
      expect(posted).toEqual([{ kind: 'appended', head: '3' }, { kind: 'appended', head: '4' }]);
    } finally {
      await readStore.close();
      await eventStore.close();
    }
  });
});
