import path from 'node:path';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { sampleRepayment } from '../data/sample-event.js';
import type { Measurement } from '../figure.js';
import { rawInsertRate } from '../sqlite/raw-insert.js';
import { medianOf, msSince } from '../stats.js';
import type { Suite } from '../suite.js';

// Sizes chosen so each run lasts about a second at the DESIGN.md ceilings (2k/s single, 57k/s batched).
const SINGLE_EVENTS = 2_000;
const BATCH_EVENTS = 50_000;
const CONCURRENT_APPENDS = 20_000;
/** Writers in flight at once, as many as the HTTP figure's connections. */
const CONCURRENT_WRITERS = 50;

/** Events/s through SqliteEventStore.append at `synchronous=FULL`; `write` does the appends. */
async function appendRate(file: string, events: number, write: (store: SqliteEventStore) => Promise<void>): Promise<number> {
  const store = SqliteEventStore.open({ path: file, synchronous: 'FULL' });
  try {
    const start = process.hrtime.bigint();
    await write(store);
    return events / (msSince(start) / 1000);
  } finally {
    await store.close();
  }
}

async function appendSequentially(store: SqliteEventStore, streams: number, perAppend: number): Promise<void> {
  for (let s = 0; s < streams; s++) {
    const events = Array.from({ length: perAppend }, (_, i) => sampleRepayment(s * perAppend + i));
    await store.append(`loan-seq-${s}`, events, 'no_stream');
  }
}

/** Each writer appends single events to its own stream, one after another, all writers at once. */
async function appendConcurrently(store: SqliteEventStore): Promise<void> {
  const perWriter = CONCURRENT_APPENDS / CONCURRENT_WRITERS;
  const writer = async (w: number): Promise<void> => {
    for (let i = 0; i < perWriter; i++) {
      await store.append(`loan-con-${w}`, [sampleRepayment(w * perWriter + i)], i === 0 ? 'no_stream' : BigInt(i - 1));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_WRITERS }, (_, w) => writer(w)));
}

export const eventStoreSuite: Suite = {
  name: 'eventstore',
  figures: ['sqlite.insert.single', 'sqlite.insert.batch100', 'eventstore.append.single', 'eventstore.append.batch100', 'eventstore.append.concurrent'],
  async run(config, workDir) {
    let file = 0;
    const fresh = (): string => path.join(workDir, `append-${file++}.db`);
    const figures: Measurement[] = [
      { name: 'sqlite.insert.single', measured: await medianOf(config.runs, () => rawInsertRate(fresh(), SINGLE_EVENTS, 1)) },
      { name: 'sqlite.insert.batch100', measured: await medianOf(config.runs, () => rawInsertRate(fresh(), BATCH_EVENTS, 100)) },
    ];
    const single = await medianOf(config.runs, () => appendRate(fresh(), SINGLE_EVENTS, (s) => appendSequentially(s, SINGLE_EVENTS, 1)));
    const batch = await medianOf(config.runs, () => appendRate(fresh(), BATCH_EVENTS, (s) => appendSequentially(s, BATCH_EVENTS / 100, 100)));
    const concurrent = await medianOf(config.runs, () => appendRate(fresh(), CONCURRENT_APPENDS, appendConcurrently));
    figures.push(
      { name: 'eventstore.append.single', measured: single },
      { name: 'eventstore.append.batch100', measured: batch },
      { name: 'eventstore.append.concurrent', measured: concurrent },
    );
    return figures;
  },
};
