import type { RecordedEvent } from '../eventstore/port.js';

/**
 * Groups a subscription's events into batches: the first event waits, then the batch takes whatever
 * the subscription delivers before the next macrotask turn, up to `max`. Ends when the subscription
 * ends or `signal` aborts, even while waiting for an event.
 */
export async function* liveBatches(events: AsyncIterable<RecordedEvent>, max: number, signal: AbortSignal): AsyncGenerator<RecordedEvent[]> {
  const iterator = events[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<RecordedEvent>> | null = null;
  for (;;) {
    pending ??= iterator.next();
    const first = await raceAbort([pending], signal);
    pending = null;
    if (first === 'aborted' || first.done) return;
    const batch = [first.value];
    const turnOver = new Promise<'turn'>((resolve) => setImmediate(() => resolve('turn')));
    let ended = false;
    while (batch.length < max) {
      pending = iterator.next();
      const next = await raceAbort<IteratorResult<RecordedEvent> | 'turn'>([pending, turnOver], signal);
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

/**
 * The first of `candidates` to settle, or 'aborted'. Each wait gets its own abort promise and drops
 * its listener afterwards: racing one long-lived promise would pile up a reaction per wait, each
 * holding the event it resolved with, for as long as the worker lives.
 */
function raceAbort<T>(candidates: Promise<T>[], signal: AbortSignal): Promise<T | 'aborted'> {
  if (signal.aborted) return Promise.resolve('aborted');
  let onAbort = (): void => undefined;
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([...candidates, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
