import type { RecordedEvent } from '../eventstore/port.js';

/**
 * Groups a subscription's events into batches: the first event waits, then the batch takes whatever
 * the subscription delivers before the next macrotask turn, up to `max`. Ends when the subscription
 * ends or `signal` aborts, even while waiting for an event.
 */
export async function* liveBatches(events: AsyncIterable<RecordedEvent>, max: number, signal: AbortSignal): AsyncGenerator<RecordedEvent[]> {
  const iterator = events[Symbol.asyncIterator]();
  const aborted = new Promise<'aborted'>((resolve) => {
    if (signal.aborted) resolve('aborted');
    signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  let pending: Promise<IteratorResult<RecordedEvent>> | null = null;
  for (;;) {
    pending ??= iterator.next();
    const first = await Promise.race([pending, aborted]);
    pending = null;
    if (first === 'aborted' || first.done) return;
    const batch = [first.value];
    const turnOver = new Promise<'turn'>((resolve) => setImmediate(() => resolve('turn')));
    let ended = false;
    while (batch.length < max) {
      pending = iterator.next();
      const next = await Promise.race([pending, turnOver, aborted]);
      if (next === 'turn' || next === 'aborted') break; // `pending` carries over to the next batch
      pending = null;
      if (next.done) {
        ended = true;
        break;
      }
      batch.push(next.value);
    }
    yield batch;
    if (ended || signal.aborted) return;
  }
}
