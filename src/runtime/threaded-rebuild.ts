import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SqliteEventStore } from '../eventstore/sqlite-event-store.js';
import { rebuildGroups } from '../projections/rebuild-groups.js';
import { rebuildProjections, type RebuildOptions } from '../projections/rebuild.js';
import { SqliteReadStore } from '../readstore/sqlite-read-store.js';

/** What a rebuild thread is told: its stores' files (and the log's key) and the projections it rebuilds. */
export interface RebuildThreadData {
  eventStorePath: string;
  readStorePath: string;
  macKey: Buffer | null;
  names: string[];
  batchSize?: number;
}

export type RebuildThreadMessage =
  | { kind: 'progress'; processed: number; total: number }
  | { kind: 'done'; position: string }
  | { kind: 'failed'; message: string };

/** The part of a `Worker` a threaded rebuild uses; tests hand in one started from the TypeScript sources. */
export interface RebuildThreadHandle {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

/**
 * A rebuild thread's writes wait this long for the other threads' transactions, in ms: building a
 * shadow's indexes over a million rows, or dropping the replaced table at the swap, holds the
 * read store's write lock for seconds (at the default 5 s the full-size bench failed with
 * "database is locked").
 */
export const REBUILD_BUSY_TIMEOUT_MS = 10 * 60_000;

/** The compiled thread entry; absent when running TypeScript sources (vitest), where the rebuild stays in one thread. */
export const REBUILD_THREAD_ENTRY = new URL('./rebuild-thread.js', import.meta.url);

export interface ThreadedRebuildOptions extends Omit<RebuildOptions, 'pauseLive'> {
  /** Threads to use, this one included (default: the machine's cores, at most one per projection). */
  threads?: number;
  spawn?: (data: RebuildThreadData) => RebuildThreadHandle;
}

/**
 * rebuildProjections with the projections split across threads (rebuildGroups): this thread
 * rebuilds the first group, a worker thread each other one, each over its own connections to the
 * same SQLite files, each group folding the loans itself. Every projection still swaps its
 * shadows in atomically with its own checkpoint. Progress is the slowest group's; a failure in
 * one group stops the others still running (a group that had finished keeps its swap) and is thrown. Over other stores, with one thread, or without the
 * compiled entry, it is rebuildProjections. Returns the highest position a group swapped in at.
 */
export async function rebuildInThreads(options: ThreadedRebuildOptions): Promise<bigint> {
  const { eventStore, readStore } = options;
  const spawn = options.spawn ?? (existsSync(fileURLToPath(REBUILD_THREAD_ENTRY)) ? spawnWorker : null);
  const groups = rebuildGroups(options.projections, options.threads ?? availableParallelism());
  if (groups.length < 2 || spawn === null || !(eventStore instanceof SqliteEventStore) || !(readStore instanceof SqliteReadStore)) {
    return rebuildProjections(options);
  }
  const [own, ...others] = groups as [RebuildOptions['projections'], ...RebuildOptions['projections'][]];
  const processed = groups.map(() => 0);
  let total = 0;
  const started = performance.now();
  const report = () => {
    if (!options.onProgress) return;
    const slowest = Math.min(...processed);
    const seconds = (performance.now() - started) / 1_000;
    const eventsPerSecond = seconds > 0 ? slowest / seconds : 0;
    options.onProgress({ processed: slowest, total: Math.max(total, slowest), eventsPerSecond, etaSeconds: eventsPerSecond > 0 ? Math.max(0, total - slowest) / eventsPerSecond : 0 });
  };
  const stop = new AbortController();
  const threads = others.map((names, index) => {
    const handle = spawn({
      eventStorePath: eventStore.path, readStorePath: readStore.path, macKey: eventStore.macKey, names: names.map((p) => p.name),
      ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    });
    const finished = new Promise<bigint>((resolve, reject) => {
      handle.on('message', (raw) => {
        const message = raw as RebuildThreadMessage;
        if (message.kind === 'progress') {
          processed[index + 1] = message.processed;
          total = Math.max(total, message.total);
          report();
        } else if (message.kind === 'done') resolve(BigInt(message.position));
        else reject(new Error(`rebuilding ${names.map((p) => p.name).join(', ')}: ${message.message}`));
      });
      handle.on('error', reject);
      handle.on('exit', (code) => reject(new Error(`the rebuild thread for ${names.map((p) => p.name).join(', ')} exited (code ${code})`)));
    });
    stop.signal.addEventListener('abort', () => handle.postMessage('abort'), { once: true });
    return finished;
  });
  options.signal?.addEventListener('abort', () => stop.abort(), { once: true });
  // This thread's group writes over its own connection too, waiting for the others' locks as long as they do.
  const ownStore = SqliteReadStore.open({ path: readStore.path, busyTimeoutMs: REBUILD_BUSY_TIMEOUT_MS });
  const mine = rebuildProjections({
    ...options, readStore: ownStore, projections: own, signal: stop.signal,
    onProgress: (progress) => {
      processed[0] = progress.processed;
      total = Math.max(total, progress.total);
      report();
    },
  });
  const outcomes = [mine, ...threads];
  // The first failure stops every group; then every group is waited for, so no thread outlives the call.
  outcomes.forEach((outcome) => outcome.catch(() => stop.abort()));
  const settled = await Promise.allSettled(outcomes);
  await ownStore.close();
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.reduce((max, s) => ((s as PromiseFulfilledResult<bigint>).value > max ? (s as PromiseFulfilledResult<bigint>).value : max), 0n);
}

function spawnWorker(data: RebuildThreadData): RebuildThreadHandle {
  return new Worker(REBUILD_THREAD_ENTRY, { workerData: data });
}
