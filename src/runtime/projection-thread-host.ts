import type { FastifyBaseLogger } from 'fastify';
import { DomainError } from '../domain/errors.js';
import type { EventStore } from '../eventstore/port.js';
import type { Projection } from '../projections/projection.js';
import type { ProjectionStatus } from '../projections/projection-status.js';
import { checkpointsReached } from '../projections/thread/checkpoint-wait.js';
import { ControlClient } from '../projections/thread/control-client.js';
import type { ThreadMessage } from '../projections/thread/messages.js';
import { fromWireError } from '../projections/thread/messages.js';
import type { ReadStore } from '../readstore/port.js';

/** What the projection thread is started with (structured-cloned into it). */
export interface ProjectionThreadData {
  eventStorePath: string;
  readStorePath: string;
  synchronous: 'OFF' | 'NORMAL' | 'FULL';
  lease: { owner: string; ttlMs: number };
  /** The log's integrity key (see SqliteEventStore.macKey): loan snapshots the thread folds from are authenticated with it. */
  macKey?: Buffer | null;
}

/** The part of a `Worker` the host uses; tests may hand in a thread started another way. */
export interface ThreadHandle {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export interface ProjectionThreadOptions {
  spawn: () => ThreadHandle;
  /** The projections the thread runs: named in status() while the thread is down. */
  projections: readonly Projection[];
  /** This thread's own connections, for status and read-your-writes while the projection thread is down. */
  eventStore: EventStore;
  readStore: ReadStore;
  logger: FastifyBaseLogger;
  /** More deaths than this within `restartWindowMs` and the host gives up (status stays failed). */
  maxRestarts?: number;
  restartWindowMs?: number;
  restartDelayMs?: number;
}

interface Running {
  thread: ThreadHandle;
  client: ControlClient;
}

/**
 * Runs the projections in a worker thread and offers the runner's control API on this thread. A
 * thread that dies is restarted (bounded); its projections resume from their checkpoints, and
 * until then status() shows them failed with the reason, so /ready says so.
 */
export class ProjectionThread {
  private running: Running | null = null;
  private downReason: string | null = null;
  private deaths: number[] = [];
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;
  /** The newest head not yet told to the thread, while a message for it is scheduled. */
  private newHead: bigint | null = null;

  constructor(private readonly options: ProjectionThreadOptions) {}

  /** Resolves once the thread has started every projection; rejects (and ends the thread) if it could not. */
  async start(): Promise<void> {
    this.stopping = false;
    await this.launch(false);
  }

  /** Stops the runner in the thread (leases released, stores closed), then ends the thread; no restart follows. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const running = this.running;
    this.running = null;
    if (!running) return;
    await running.client.stop().catch((error: unknown) => this.options.logger.warn({ err: error }, 'projection thread did not stop cleanly'));
    await running.thread.terminate();
  }

  /**
   * Tells the thread the log has a new head, so its live projections read it now instead of at
   * their next poll. Appends within one event-loop turn (a group commit answers many commands at
   * once) share one message: a postMessage per command cost about 2 % of the HTTP thread.
   */
  appended(head: bigint): void {
    const scheduled = this.newHead !== null;
    if (this.newHead === null || head > this.newHead) this.newHead = head;
    if (scheduled) return;
    setImmediate(() => {
      const newest = this.newHead;
      this.newHead = null;
      if (newest !== null) this.running?.client.appended(newest);
    });
  }

  async status(): Promise<ProjectionStatus[]> {
    const running = this.running;
    if (running) {
      const statuses = await running.client.status().catch(() => null);
      if (statuses) return statuses;
    }
    return this.statusWhileDown();
  }

  async waitForPosition(name: string, position: bigint, timeoutMs: number): Promise<boolean> {
    const running = this.running;
    if (running) {
      const reached = await running.client.waitForPosition(name, position, timeoutMs).catch((error: unknown) => {
        if (error instanceof DomainError) throw error;
        return null; // the thread died mid-wait: the checkpoints still tell
      });
      if (reached !== null) return reached;
    }
    const names = name === 'all' ? this.options.projections.map((p) => p.name) : [this.projection(name).name];
    return checkpointsReached(this.options.readStore, names, position, timeoutMs);
  }

  async rebuild(name: string): Promise<void> {
    const running = this.running;
    if (!running) throw new DomainError('PROJECTIONS_RESTARTING', `the projection thread is down (${this.downReason ?? 'not started'}); retry shortly`, 'conflict');
    await running.client.rebuild(name);
  }

  private launch(restarting: boolean): Promise<void> {
    const thread = this.options.spawn();
    const client = new ControlClient((message) => thread.postMessage(message));
    return new Promise<void>((resolve, reject) => {
      let started = false;
      thread.on('message', (raw) => {
        const message = raw as ThreadMessage;
        if (message.kind === 'started') {
          started = true;
          // Stopped while this restart was starting up: let it go again.
          if (this.stopping) return void client.stop().finally(() => thread.terminate()).then(resolve, resolve);
          this.running = { thread, client };
          this.downReason = null;
          resolve();
        } else if (message.kind === 'start-failed') {
          this.downReason = `projection thread failed to start: ${message.error.message}`;
          reject(fromWireError(message.error));
          void thread.terminate();
        } else client.receive(message);
      });
      thread.on('error', (error) => {
        this.options.logger.error({ err: error }, 'projection thread crashed');
        this.downReason = `projection thread crashed: ${error.message}`;
      });
      thread.on('exit', (code) => {
        const reason = this.downReason ?? `projection thread exited with code ${code}`;
        client.abandon(new Error(reason));
        if (this.running?.thread === thread) this.running = null;
        if (!started) reject(new Error(reason));
        if (!this.stopping && (started || restarting)) this.restartAfter(reason);
      });
    });
  }

  private restartAfter(reason: string): void {
    const { maxRestarts = 5, restartWindowMs = 300_000, restartDelayMs = 500, logger } = this.options;
    const now = Date.now();
    this.deaths = [...this.deaths.filter((t) => now - t < restartWindowMs), now];
    if (this.deaths.length > maxRestarts) {
      this.downReason = `${reason}; gave up after ${maxRestarts} restarts`;
      logger.error({ reason }, 'projection thread keeps dying; not restarting it again');
      return;
    }
    this.downReason = `${reason}; restarting`;
    logger.warn({ reason, attempt: this.deaths.length }, 'projection thread died; restarting it');
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.launch(true).then(
        () => logger.info('projection thread restarted; projections resume from their checkpoints'),
        // A failed start ends in 'exit' as well, which counts the death and decides on the next try.
        (error: unknown) => logger.error({ err: error }, 'projection thread failed to restart'),
      );
    }, restartDelayMs);
  }

  private async statusWhileDown(): Promise<ProjectionStatus[]> {
    const head = await this.options.eventStore.headPosition();
    const error = this.downReason ?? 'projection thread not started';
    return Promise.all(this.options.projections.map(async (projection) => {
      const position = (await this.options.readStore.getCheckpoint(projection.name))?.position ?? 0n;
      return {
        name: projection.name, version: projection.version, state: 'failed' as const, position, headPosition: head,
        lagEvents: position < head ? Number(head - position) : 0, lagSeconds: 0, error,
      };
    }));
  }

  private projection(name: string): Projection {
    const projection = this.options.projections.find((p) => p.name === name);
    if (!projection) throw new DomainError('PROJECTION_NOT_FOUND', `no projection named ${name}`, 'not_found');
    return projection;
  }
}
