/** A pending wait for new events; `cancel` settles it at once (used when a subscription closes). */
export interface AppendWait {
  promise: Promise<void>;
  cancel(): void;
}

/**
 * Wakes live subscriptions when this process appends. Another process writing the same log
 * cannot notify us, so every wait also ends after `pollMs` and the subscriber looks again.
 */
export class AppendSignal {
  private waiters = new Set<() => void>();

  constructor(private readonly pollMs: number) {}

  /** Resolves on the next notify, after pollMs, or on cancel — whichever comes first. */
  wait(): AppendWait {
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => {
      const timer = setTimeout(() => wake(), this.pollMs);
      wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
    });
    this.waiters.add(wake);
    return { promise, cancel: wake };
  }

  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
