import type { AppendWait } from './append-signal.js';
import type { RecordedEvent, Subscription } from './port.js';

/** Where a paged subscription gets its events: one page after a position, and a wake-up for new ones. */
export interface PageSource {
  readPage(afterPosition: bigint, maxCount: number): Promise<RecordedEvent[]>;
  waitForAppend(): AppendWait;
}

/** What a subscription holds, so tests and metrics can see it never buffers more than one page. */
export interface PageStats {
  pagesRead: number;
  buffered: number;
}

/**
 * Catch-up then live over any engine that can read a page after a position. It reads the next
 * page only when the consumer has taken the last event of the current one, so a slow consumer
 * holds at most one page in memory, however long the log behind it.
 */
export class PagedSubscription implements Subscription {
  readonly stats: PageStats = { pagesRead: 0, buffered: 0 };
  private page: RecordedEvent[] = [];
  private index = 0;
  private closed = false;
  private pendingWait: AppendWait | null = null;

  constructor(
    private readonly source: PageSource,
    private position: bigint,
    private readonly pageSize: number,
    private readonly onClose: () => void = () => {},
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return { done: true, value: undefined };
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.page = [];
    this.stats.buffered = 0;
    this.pendingWait?.cancel();
    this.onClose();
  }

  private async next(): Promise<IteratorResult<RecordedEvent>> {
    while (!this.closed) {
      const event = this.page[this.index];
      if (event !== undefined) {
        this.index += 1;
        this.position = event.position;
        this.stats.buffered = this.page.length - this.index;
        return { done: false, value: event };
      }
      await this.fetchPageOrWait();
    }
    return { done: true, value: undefined };
  }

  private async fetchPageOrWait(): Promise<void> {
    // Listen before reading, so an append landing between the read and the wait still wakes us.
    const wait = this.source.waitForAppend();
    this.pendingWait = wait;
    try {
      this.page = await this.source.readPage(this.position, this.pageSize);
      this.index = 0;
      this.stats.pagesRead += 1;
      this.stats.buffered = this.page.length;
      if (this.closed) this.page = [];
      if (this.page.length > 0 || this.closed) wait.cancel();
      else await wait.promise;
    } finally {
      this.pendingWait = null;
    }
  }
}
