import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

  it('lets go of the events it handed out while the subscription lives on (no reaction pile-up)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let collected = 0;
    const registry = new FinalizationRegistry(() => { collected += 1; });
    const total = 2_000;
    async function* source() {
      for (let i = 1; i <= total; i++) {
        const e = event(i);
        registry.register(e, i);
        yield e;
        // One event per macrotask turn, as a live subscription delivers them.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await new Promise(() => undefined); // the subscription stays open, as it does in a worker
    }
    const abort = new AbortController();
    let seen = 0;
    const consumed = (async () => {
      for await (const batch of liveBatches(source(), 10, abort.signal)) seen += batch.length;
    })();
    while (seen < total) await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 5 && collected < total - 10; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    abort.abort();
    await consumed;
    expect(collected).toBeGreaterThan(total - 10);
  });
});
