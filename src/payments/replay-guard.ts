import { replayedNotification, staleNotification } from './notification-errors.js';

/** How far a signed timestamp may be from our clock: WeChat Pay v3 asks merchants to refuse beyond 5 minutes. */
export const NOTIFICATION_WINDOW_MS = 5 * 60_000;

/**
 * Refuses a timestamped notification signed outside the window, and the same nonce twice within
 * it (a captured delivery sent again). Nonces are kept in this process for the window only: older
 * ones are refused by their timestamp anyway. Providers re-sign each redelivery with a new nonce,
 * so genuine redeliveries pass and are made harmless by the transaction id.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => Date, private readonly windowMs = NOTIFICATION_WINDOW_MS) {}

  /** `timestamp` in Unix seconds as sent. */
  admit(timestamp: string, nonce: string): void {
    const signedAt = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) * 1000 : Number.NaN;
    const now = this.now().getTime();
    if (!Number.isFinite(signedAt) || Math.abs(now - signedAt) > this.windowMs) {
      throw staleNotification(`notification timestamp ${timestamp} is not within ${this.windowMs / 60_000} minutes of now`);
    }
    for (const [key, at] of this.seen) if (now - at > this.windowMs) this.seen.delete(key);
    if (this.seen.has(nonce)) throw replayedNotification();
    this.seen.set(nonce, signedAt);
  }
}
