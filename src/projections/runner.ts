import type { Registry } from 'prom-client';
import { DomainError } from '../domain/errors.js';
import type { EventStore } from '../eventstore/port.js';
import type { ReadStore } from '../readstore/port.js';
import { applyTarget } from './apply-batch.js';
import { LiveFeed } from './live-feed.js';
import { LoanStates, loanLogOf } from './loan-states.js';
import { ProjectionMetrics } from './metrics.js';
import { PositionWaiters } from './position-waiters.js';
import type { Projection } from './projection.js';
import type { ProjectionStatus } from './projection-status.js';
import { ProjectionWorker } from './projection-worker.js';
import { rebuildProjections, type RebuildProgress } from './rebuild.js';
import { loanStateBytes } from '../domain/loan/state-bytes.js';

/** Bytes the live projections' folded loans may hold (loanStateBytes), as the command pipeline's cache (48 MiB). */
const LIVE_LOAN_BYTES = 48 * 2 ** 20;

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projections: Projection[];
  /** The event catalog: an event of any other type stops a projection instead of being skipped. */
  knownEventTypes: ReadonlySet<string>;
  registry: Registry;
  batchSize?: number;
  /** With a lease, this runner only runs the projections whose lease it holds (one worker each). */
  lease?: { owner: string; ttlMs: number };
  now?: () => Date;
  onRebuildProgress?: (projection: string, progress: RebuildProgress) => void;
}

interface Entry {
  projection: Projection;
  worker: ProjectionWorker;
  /** Always true without leases. */
  leaseHeld: boolean;
  rebuilding: boolean;
}

const OTHER_WORKER_POLL_MS = 50;

/** Keeps registered projections up to date with the log, each committing its checkpoint with its writes. */
export class ProjectionRunner {
  private readonly entries = new Map<string, Entry>();
  private readonly waiters = new PositionWaiters();
  private readonly metrics: ProjectionMetrics;
  private readonly now: () => Date;
  private leaseTimer: NodeJS.Timeout | null = null;
  private readonly background = new Set<Promise<void>>();
  private stopping = new AbortController();
  private readonly feed: LiveFeed;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.now = options.now ?? (() => new Date());
    this.metrics = new ProjectionMetrics(options.registry, () => this.status());
    const batchSize = options.batchSize ?? 1_000;
    // Live projections apply each batch in step, so one LoanStates folds each loan event once for all of them.
    this.feed = new LiveFeed(options.eventStore, batchSize);
    // Bounded by bytes as well as count: in the server's projection thread a book of long loans would fill the heap.
    const liveLoans = new LoanStates(loanLogOf(options.eventStore), undefined, { maxBytes: LIVE_LOAN_BYTES, weigh: loanStateBytes });
    for (const projection of options.projections) {
      const deps = { store: options.readStore, eventStore: options.eventStore, knownEventTypes: options.knownEventTypes, now: this.now };
      const worker = new ProjectionWorker({
        eventStore: options.eventStore,
        target: applyTarget(projection, deps),
        liveTarget: applyTarget(projection, { ...deps, loans: liveLoans }),
        feed: this.feed,
        batchSize,
        mayCommit: () => this.entry(projection.name).leaseHeld,
        onCommit: () => this.waiters.notify(),
        onFailure: () => this.metrics.errors.inc({ projection: projection.name }),
      });
      this.entries.set(projection.name, { projection, worker, leaseHeld: !options.lease, rebuilding: false });
    }
  }

  /** Ensures collections and starts every projection it may run; stale versions rebuild in the background, in one pass. */
  async start(): Promise<void> {
    this.stopping = new AbortController();
    for (const { projection } of this.entries.values()) {
      for (const spec of projection.collections) await this.options.readStore.ensureCollection(spec);
    }
    await this.activate([...this.entries.values()].filter((e) => e.leaseHeld));
    if (this.options.lease) {
      await this.renewLeases();
      // A failed renewal (store briefly unreachable) is retried on the next tick, well before expiry.
      const renew = () => void this.renewLeases().catch(() => undefined);
      this.leaseTimer = setInterval(renew, Math.max(1, Math.floor(this.options.lease.ttlMs / 3)));
      this.leaseTimer.unref();
    }
  }

  /** Stops every worker after its current batch and releases the leases it held. */
  async stop(): Promise<void> {
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    this.leaseTimer = null;
    this.stopping.abort();
    await Promise.allSettled([...this.background]);
    for (const entry of this.entries.values()) {
      await entry.worker.stop();
      if (this.options.lease && entry.leaseHeld) await this.options.readStore.releaseLease(entry.projection.name, this.options.lease.owner);
      entry.leaseHeld = !this.options.lease;
    }
    // The stores may be closed next: the shared subscription must be closed first.
    await this.feed.idle();
  }

  /** Takes, renews or gives up each projection's lease and starts or stops its worker to match. */
  async renewLeases(): Promise<void> {
    const lease = this.options.lease;
    if (!lease) return;
    const gained: Entry[] = [];
    for (const entry of this.entries.values()) {
      const held = await this.options.readStore.acquireLease(entry.projection.name, lease.owner, lease.ttlMs, this.now());
      if (held && !entry.leaseHeld) gained.push(entry);
      if (!held && entry.leaseHeld) {
        entry.leaseHeld = false;
        await entry.worker.stop();
      }
      entry.leaseHeld = held;
    }
    await this.activate(gained);
  }

  /** Rebuilds one projection into shadows while its live model keeps serving, then swaps it in. */
  async rebuild(name: string, onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    const entry = this.entry(name);
    if (!entry.leaseHeld) throw new DomainError('PROJECTION_NOT_HELD', `projection ${name} runs in another worker; rebuild it there`, 'conflict');
    if (entry.rebuilding) throw new DomainError('PROJECTION_REBUILDING', `projection ${name} is already rebuilding`, 'conflict');
    await this.rebuildEntries([entry], async () => {
      await entry.worker.stop();
      return () => entry.worker.start();
    }, onProgress);
  }

  /** One status per projection, with lag measured against the head of the log now. */
  async status(): Promise<ProjectionStatus[]> {
    const head = await this.options.eventStore.headPosition();
    const statuses: ProjectionStatus[] = [];
    for (const { projection, worker, leaseHeld, rebuilding } of this.entries.values()) {
      const position = leaseHeld ? worker.position : ((await this.options.readStore.getCheckpoint(projection.name))?.position ?? 0n);
      statuses.push({
        name: projection.name,
        version: projection.version,
        state: rebuilding ? 'rebuilding' : worker.state,
        position,
        headPosition: head,
        lagEvents: position < head ? Number(head - position) : 0,
        lagSeconds: position < head ? await this.secondsBehind(position) : 0,
        error: worker.error,
      });
    }
    return statuses;
  }

  /** True once the projection (or every one, for 'all') has committed `position`; false after `timeoutMs`. */
  async waitForPosition(name: string | 'all', position: bigint, timeoutMs: number): Promise<boolean> {
    const entries = name === 'all' ? [...this.entries.values()] : [this.entry(name)];
    const reached = async () => {
      for (const { projection, worker, leaseHeld } of entries) {
        const at = leaseHeld ? worker.position : ((await this.options.readStore.getCheckpoint(projection.name))?.position ?? 0n);
        if (at < position) return false;
      }
      return true;
    };
    const remote = entries.some((e) => !e.leaseHeld);
    return this.waiters.waitUntil(reached, timeoutMs, remote ? OTHER_WORKER_POLL_MS : undefined);
  }

  private async activate(entries: Entry[]): Promise<void> {
    const stale: Entry[] = [];
    for (const entry of entries) {
      const checkpoint = await this.options.readStore.getCheckpoint(entry.projection.name);
      if (checkpoint && checkpoint.version !== entry.projection.version) stale.push(entry);
      else entry.worker.start();
    }
    if (stale.length === 0) return;
    // The stale models keep serving (frozen) until their rebuilt shadows are swapped in.
    const rebuilding = this.rebuildEntries(stale, undefined).then(
      () => stale.forEach((e) => e.leaseHeld && e.worker.start()),
      (error: unknown) => {
        if (this.stopping.signal.aborted) return;
        for (const entry of stale) {
          entry.worker.state = 'failed';
          entry.worker.error = `rebuild failed: ${error instanceof Error ? error.message : String(error)}`;
          this.metrics.errors.inc({ projection: entry.projection.name });
        }
      },
    );
    this.background.add(rebuilding);
    void rebuilding.finally(() => this.background.delete(rebuilding));
  }

  private async rebuildEntries(entries: Entry[], pauseLive: (() => Promise<() => void>) | undefined, onProgress?: (p: RebuildProgress) => void): Promise<void> {
    for (const entry of entries) entry.rebuilding = true;
    try {
      await rebuildProjections({
        eventStore: this.options.eventStore,
        readStore: this.options.readStore,
        projections: entries.map((e) => e.projection),
        knownEventTypes: this.options.knownEventTypes,
        batchSize: this.options.batchSize,
        now: this.now,
        pauseLive,
        signal: this.stopping.signal,
        onProgress: (progress) => {
          onProgress?.(progress);
          for (const e of entries) this.options.onRebuildProgress?.(e.projection.name, progress);
        },
      });
    } finally {
      for (const entry of entries) entry.rebuilding = false;
    }
  }

  private async secondsBehind(position: bigint): Promise<number> {
    const [next] = await this.options.eventStore.readAll({ fromPosition: position, maxCount: 1 });
    return next ? Math.max(0, (this.now().getTime() - Date.parse(next.recordedAt)) / 1_000) : 0;
  }

  private entry(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry) throw new DomainError('PROJECTION_NOT_FOUND', `no projection named ${name}`, 'not_found');
    return entry;
  }
}
