import type { FastifyInstance } from 'fastify';
import type { Clock } from './deps.js';
import { tooManyRequests } from './http-error.js';

/**
 * Fixed one-minute windows shared by all subjects: when the window rolls over every counter is
 * dropped, so memory stays bounded by the subjects seen in one minute. A burst straddling two
 * windows may get up to twice the limit; good enough to stop a runaway client.
 */
export class FixedWindowLimiter {
  private windowStart = 0;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one request for `key`; returns 0 when allowed, else the seconds until the window resets. */
  hit(key: string, now: Date): number {
    const start = now.getTime() - (now.getTime() % this.windowMs);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.counts.clear();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= this.limit) return 0;
    return Math.max(1, Math.ceil((start + this.windowMs - now.getTime()) / 1000));
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set false on operational routes (health, metrics) so probes are never throttled. */
    rateLimit?: boolean;
  }
}

/** Limits requests per authenticated subject (per client IP when anonymous); 0 disables. */
export function installRateLimit(app: FastifyInstance, perMinute: number, clock: Clock): void {
  if (perMinute <= 0) return;
  const limiter = new FixedWindowLimiter(perMinute);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.rateLimit === false) return;
    const subject = request.actor ? `sub:${request.actor.sub}` : `ip:${request.ip}`;
    const retryAfter = limiter.hit(subject, clock.now());
    if (retryAfter > 0) throw tooManyRequests(retryAfter);
  });
}
