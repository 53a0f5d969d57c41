import type { EventStore, RecordedEvent } from '../eventstore/port.js';
import { applyAndCommit, type ApplyTarget } from './apply-batch.js';
import type { FeedMember, LiveFeed } from './live-feed.js';
import type { ProjectionState } from './projection-status.js';

export interface WorkerDeps {
  eventStore: EventStore;
  /** Where catch-up pages go (a LoanStates of its own: projections catch up at their own pace). */
  target: ApplyTarget;
  /** Where live batches go: the same collections and checkpoint, with the LoanStates the feed's projections share. */
  liveTarget: ApplyTarget;
  /** The runner's one subscription for every live projection. */
  feed: LiveFeed;
  batchSize: number;
  /** False once the lease is lost: the worker stops instead of committing, so two workers never both write. */
  mayCommit: () => boolean;
  onCommit: () => void;
  onFailure: (error: Error) => void;
}

/**
 * Runs one projection: reads its checkpoint, catches up in pages of `batchSize`, then follows the
 * log live through the runner's LiveFeed. Each batch is committed with its checkpoint, so a restart
 * resumes exactly after the last committed event.
 */
export class ProjectionWorker implements FeedMember {
  state: ProjectionState = 'stopped';
  position = 0n;
  error: string | null = null;
  readonly target: ApplyTarget;
  private abort = new AbortController();
  private running: Promise<void> | null = null;

  constructor(private readonly deps: WorkerDeps) {
    this.target = deps.liveTarget;
  }

  mayCommit(): boolean {
    return this.deps.mayCommit();
  }

  onCommit(): void {
    this.deps.onCommit();
  }

  /** Starts (or restarts after a stop or failure) from the stored checkpoint. */
  start(): void {
    if (this.running) return;
    this.abort = new AbortController();
    this.error = null;
    this.running = this.run(this.abort.signal).finally(() => {
      this.running = null;
    });
  }

  /** Resolves once no batch is in flight and the worker has let go of its subscription. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const { eventStore, target, batchSize } = this.deps;
    try {
      this.state = 'catching-up';
      this.position = (await target.store.getCheckpoint(target.checkpointName))?.position ?? 0n;
      for (;;) {
        if (signal.aborted) return this.stopped();
        const page = await eventStore.readAll({ fromPosition: this.position, maxCount: batchSize });
        await this.apply(page);
        if (page.length < batchSize) break;
      }
      if (signal.aborted) return this.stopped();
      this.state = 'live';
      await this.deps.feed.follow(this, signal);
      this.stopped();
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.state = 'failed';
      this.error = failure.message;
      this.deps.onFailure(failure);
    }
  }

  private async apply(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (!this.deps.mayCommit()) return this.abort.abort();
    try {
      await applyAndCommit(this.deps.target, events);
      this.position = events[events.length - 1]!.position;
    } catch (error) {
      // A failure still commits the events before the bad one.
      this.position = (await this.deps.target.store.getCheckpoint(this.deps.target.checkpointName))?.position ?? this.position;
      throw error;
    } finally {
      this.deps.onCommit();
    }
  }

  private stopped(): void {
    this.state = 'stopped';
  }
}
