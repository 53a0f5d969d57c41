import type { Outbox, OutboxChannel, OutboxMessage } from './outbox.js';

/** Sends one message over one channel; throws when the channel refused or could not be reached. */
export type Sender = (message: OutboxMessage) => Promise<void>;

/** Retries: 30 s, 1 min, 2 min … doubling, at most 1 h apart; given up after MAX_ATTEMPTS. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3_600_000;
const BATCH = 20;

export function retryDelayMs(attemptsSoFar: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attemptsSoFar);
}

/**
 * Delivers due outbox messages through the configured senders (one per channel), marking each
 * delivered, or scheduled again with a doubling delay, or failed after MAX_ATTEMPTS. A channel
 * without a sender is left alone: its messages stay in the local mailbox. At-least-once: a crash
 * between sending and marking sends that message again.
 */
export class OutboxDelivery {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly outbox: Outbox,
    private readonly senders: Partial<Record<OutboxChannel, Sender>>,
    private readonly clock: { now(): Date },
  ) {}

  /** Sends what is due now; returns how many were delivered. One pass at a time. */
  deliverDue(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<number> {
    const channels = (Object.keys(this.senders) as OutboxChannel[]).filter((c) => this.senders[c] !== undefined);
    let delivered = 0;
    for (const message of this.outbox.due(channels, this.clock.now(), BATCH)) {
      const send = this.senders[message.channel];
      if (send === undefined) continue;
      try {
        await send(message);
        this.outbox.markDelivered(message.id, this.clock.now());
        delivered++;
      } catch (error) {
        const attempts = message.attempts + 1;
        const retryAt = attempts >= MAX_ATTEMPTS ? null : new Date(this.clock.now().getTime() + retryDelayMs(message.attempts));
        this.outbox.markFailed(message.id, error instanceof Error ? error.message : String(error), retryAt);
      }
    }
    return delivered;
  }

  /** Polls every `intervalMs` until stopped (the timer never keeps the process alive). */
  start(intervalMs: number, onError: (error: unknown) => void): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.deliverDue().catch(onError), intervalMs);
    this.timer.unref();
  }

  /** Stops polling and waits for a pass in flight. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
