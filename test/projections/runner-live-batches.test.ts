import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../src/eventstore/port.js';
import { liveBatches } from '../../src/projections/live-batches.js';

const event = (position: number) => ({ position: BigInt(position) }) as RecordedEvent;

describe('liveBatches', () => {
  it('groups what is already available, up to the maximum, and waits for the rest', async () => {
    let release: () => void = () => undefined;
    const later = new Promise<void>((resolve) => (release = resolve));
    async function* source() {
      for (let i = 1; i <= 5; i++) yield event(i);
      await later;
      yield event(6);
    }
    const batches: bigint[][] = [];
    for await (const batch of liveBatches(source(), 3, new AbortController().signal)) {
      batches.push(batch.map((e) => e.position));
      if (batches.length === 2) setImmediate(release);
    }
    expect(batches).toEqual([[1n, 2n, 3n], [4n, 5n], [6n]]);
  });

  it('ends on abort even while the subscription has nothing to give', async () => {
    const never: AsyncIterable<RecordedEvent> = { [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => undefined) }) };
    const abort = new AbortController();
    const consumed = (async () => {
      for await (const _ of liveBatches(never, 10, abort.signal)) throw new Error('nothing should arrive');
      return 'ended';
    })();
    abort.abort();
    expect(await consumed).toBe('ended');
  });
});
