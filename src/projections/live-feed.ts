import type { EventStore, RecordedEvent } from '../eventstore/port.js';
import { applyAndCommit, applyInStep, type ApplyTarget } from './apply-batch.js';
import { liveBatches } from './live-batches.js';

/** A live projection as the feed sees it; the worker that follows through the feed. */
export interface FeedMember {
  /** Where its live batches go; every member's target shares the feed's LoanStates. */
  readonly target: ApplyTarget;
  /** Its last committed position: the feed applies only later events and advances it on commit. */
  position: bigint;
  /** False once its lease is lost: it leaves the feed instead of committing. */
  mayCommit(): boolean;
  onCommit(): void;
}

interface Follower {
  member: FeedMember;
  signal: AbortSignal;
  resolve(): void;
  reject(error: Error): void;
  onAbort(): void;
  settled: boolean;
}

/**
 * One subscription to the log for every live projection of a runner. Each batch is read and
 * decoded once and applied to all followers in step (each event to every projection before the
 * next), so projections sharing one LoanStates fold a loan event and compute its figures once
 * instead of once per projection. Each projection still commits its writes with its own checkpoint
 * in its own transaction, and a failing projection stops alone: the events before the bad one are
 * committed for it, the others go on.
 */
export class LiveFeed {
  private readonly following = new Set<Follower>();
  private joining: Follower[] = [];
  /** Followers whose batch is being applied: one that stops meanwhile is let go after its commit. */
  private inFlight = new Set<Follower>();
  /** The last event every follower has been given. */
  private position = 0n;
  private loop: Promise<void> | null = null;
  /** Aborted to make the loop look up from its wait: a follower joined, or none is left. */
  private nudge = new AbortController();

  constructor(private readonly eventStore: EventStore, private readonly batchSize: number) {}

  /**
   * Applies the log after `member.position` to the member until `signal` aborts or its lease is
   * lost (resolves, after any batch in flight for it is committed) or it fails (rejects with the
   * ProjectionFailure; `member.position` is then its committed checkpoint).
   */
  follow(member: FeedMember, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const follower: Follower = { member, signal, resolve, reject, onAbort: () => this.leave(follower), settled: false };
      signal.addEventListener('abort', follower.onAbort, { once: true });
      this.joining.push(follower);
      this.nudge.abort();
      this.ensureLoop();
    });
  }

  /** Resolves once the feed has let go of its subscription (after the last follower stopped). */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  private ensureLoop(): void {
    if (this.loop) return;
    this.loop = this.run().finally(() => {
      this.loop = null;
      // Someone joined while the loop was winding down.
      if (this.joining.length > 0) this.ensureLoop();
    });
  }

  private async run(): Promise<void> {
    try {
      while (this.following.size + this.joining.length > 0) {
        this.nudge = new AbortController();
        await this.admit();
        if (this.following.size === 0) continue;
        const subscription = this.eventStore.subscribeToAll({ fromPosition: this.position });
        try {
          for await (const batch of liveBatches(subscription, this.batchSize, this.nudge.signal)) {
            await this.apply(batch);
            if (this.joining.length > 0 || this.following.size === 0) break;
          }
        } finally {
          // Events read but not applied are read again by the next subscription, from `position`.
          await subscription.close();
        }
      }
    } catch (error) {
      // The log could not be read: every follower stops with the reason.
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const follower of [...this.following, ...this.joining]) this.settle(follower, failure);
      this.joining = [];
    }
  }

  /** Brings the joiners in: one behind the feed first catches up alone, from the log, to its position. */
  private async admit(): Promise<void> {
    const joiners = this.joining;
    this.joining = [];
    if (this.following.size === 0 && joiners.length > 0) {
      this.position = joiners.reduce((min, f) => (f.member.position < min ? f.member.position : min), joiners[0]!.member.position);
    }
    for (const follower of joiners) {
      if (follower.settled) continue; // stopped before it was admitted
      this.following.add(follower);
      this.inFlight = new Set([follower]);
      try {
        while (follower.member.position < this.position && !follower.signal.aborted) {
          if (!this.mayGoOn(follower)) break;
          const page = await this.eventStore.readAll({ fromPosition: follower.member.position, maxCount: this.batchSize });
          const events = page.filter((e) => e.position <= this.position);
          if (events.length === 0) break;
          if (!(await this.applyAlone(follower, events))) break;
        }
      } finally {
        this.release();
      }
    }
  }

  private async apply(batch: RecordedEvent[]): Promise<void> {
    const last = batch[batch.length - 1]!.position;
    const followers = [...this.following].filter((f) => this.mayGoOn(f));
    this.inFlight = new Set(followers);
    try {
      const first = batch[0]!.position;
      const inStep = followers.filter((f) => f.member.position < first);
      if (inStep.length > 0) await this.applyInStep(inStep, batch, last);
      // A follower that joined ahead of the feed takes only what it has not seen.
      for (const follower of followers.filter((f) => f.member.position >= first)) {
        await this.applyAlone(follower, batch.filter((e) => e.position > follower.member.position));
      }
    } finally {
      this.release();
    }
    this.position = last;
  }

  private async applyInStep(followers: Follower[], batch: RecordedEvent[], last: bigint): Promise<void> {
    try {
      await applyInStep(followers.map((f) => f.member.target), batch);
    } catch {
      // Someone failed (or the store did): find out what each committed, then apply the rest one
      // projection at a time, so the failure stops only its own projection.
      for (const follower of followers) {
        await this.readCheckpoint(follower);
        await this.applyAlone(follower, batch.filter((e) => e.position > follower.member.position));
      }
      return;
    }
    for (const follower of followers) {
      follower.member.position = last;
      follower.member.onCommit();
    }
  }

  /** Applies and commits `events` for one follower; on a failure settles it and answers false. */
  private async applyAlone(follower: Follower, events: RecordedEvent[]): Promise<boolean> {
    if (follower.settled) return false;
    if (events.length === 0) return true;
    try {
      await applyAndCommit(follower.member.target, events);
      follower.member.position = events[events.length - 1]!.position;
      return true;
    } catch (error) {
      // The events before the bad one were committed: resume from what the store says.
      await this.readCheckpoint(follower).catch(() => undefined);
      this.settle(follower, error instanceof Error ? error : new Error(String(error)));
      return false;
    } finally {
      follower.member.onCommit();
    }
  }

  private async readCheckpoint(follower: Follower): Promise<void> {
    const { target } = follower.member;
    const checkpoint = await target.store.getCheckpoint(target.checkpointName);
    follower.member.position = checkpoint?.position ?? follower.member.position;
  }

  /** False (and the follower let go) once its lease is lost. */
  private mayGoOn(follower: Follower): boolean {
    if (follower.member.mayCommit()) return true;
    this.settle(follower, null);
    return false;
  }

  /** Lets go of the followers that stopped while their batch was in flight. */
  private release(): void {
    const done = this.inFlight;
    this.inFlight = new Set();
    for (const follower of done) if (follower.signal.aborted) this.settle(follower, null);
  }

  private leave(follower: Follower): void {
    if (this.inFlight.has(follower)) return; // settled once its batch is committed
    this.settle(follower, null);
  }

  /** Removes the follower and ends its follow(): resolved when it stopped, rejected with `error`. */
  private settle(follower: Follower, error: Error | null): void {
    if (follower.settled) return;
    follower.settled = true;
    this.following.delete(follower);
    this.joining = this.joining.filter((f) => f !== follower);
    follower.signal.removeEventListener('abort', follower.onAbort);
    if (error) follower.reject(error);
    else follower.resolve();
    // With nobody left, the loop stops waiting for events and ends.
    if (this.following.size === 0) this.nudge.abort();
  }
}
