/**
 * Lets callers wait for a condition on projection positions (read-your-writes). The runner calls
 * `notify` after every commit; conditions it cannot observe locally (a projection another worker
 * runs) are re-checked every `pollMs`.
 */
export class PositionWaiters {
  private readonly wakers = new Set<() => void>();

  notify(): void {
    for (const wake of [...this.wakers]) wake();
  }

  /** True as soon as `reached()` holds, false once `timeoutMs` passed without it. */
  async waitUntil(reached: () => Promise<boolean>, timeoutMs: number, pollMs?: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await reached()) return true;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, pollMs === undefined ? remaining : Math.min(pollMs, remaining));
        this.wakers.add(wake);
      });
    }
  }
}
