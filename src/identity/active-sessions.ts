import type { SessionStore } from './sessions.js';

/** How long a "this session is live" answer is trusted without asking the store again. */
const CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * The auth hook's question "is this token's session still live?", answered from the identity
 * file and remembered for a few seconds. A revocation in this process forgets the entry at once;
 * one made by another process (`lendcore users revoke`) takes effect within CACHE_MS.
 */
export class ActiveSessions {
  private readonly live = new Map<string, number>();

  constructor(private readonly sessions: SessionStore) {}

  isActive(sessionId: string, now: Date): boolean {
    const at = now.getTime();
    const checkedAt = this.live.get(sessionId);
    if (checkedAt !== undefined && at >= checkedAt && at - checkedAt < CACHE_MS) return true;
    const active = this.sessions.isActive(sessionId, now);
    if (this.live.size >= MAX_ENTRIES) this.live.clear();
    if (active) this.live.set(sessionId, at);
    else this.live.delete(sessionId);
    return active;
  }

  forget(sessionIds: string[]): void {
    for (const id of sessionIds) this.live.delete(id);
  }
}
