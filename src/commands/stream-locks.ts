import type { EventStore } from '../eventstore/port.js';

/**
 * Runs commands on one stream one after another within this process. Without it, N concurrent
 * commands on a stream all load the same revision, land in one group commit, and N−1 of them
 * conflict and retry together again; queued, each loads the state its predecessor left. The
 * optimistic check and the retry still guard writers in other processes.
 */
export class StreamLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `work` after every earlier `run` for the same stream has settled. */
  async run<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    let release!: () => void;
    const tail = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    this.tails.set(streamId, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    }
  }
}

// Keyed by store so every caller sharing a store shares its locks, with nothing to wire up.
const locksByStore = new WeakMap<EventStore, StreamLocks>();

/** The stream locks of `store` in this process. */
export function streamLocksFor(store: EventStore): StreamLocks {
  let locks = locksByStore.get(store);
  if (locks === undefined) {
    locks = new StreamLocks();
    locksByStore.set(store, locks);
  }
  return locks;
}
