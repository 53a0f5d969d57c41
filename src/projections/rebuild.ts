import type { EventStore } from '../eventstore/port.js';
import type { ReadStore } from '../readstore/port.js';
import { applyInStep, applyTarget } from './apply-batch.js';
import { FreshCollections } from './fresh-collections.js';
import { LoanStates, loanLogOf } from './loan-states.js';
import type { Projection } from './projection.js';
import { rebuildCheckpointName, shadowCollection } from './shadow.js';

export interface RebuildProgress {
  processed: number;
  /** Head position when the rebuild started: the event count where positions are dense (SQLite). */
  total: number;
  eventsPerSecond: number;
  etaSeconds: number;
}

export interface RebuildOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projections: Projection[];
  knownEventTypes: ReadonlySet<string>;
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Called once the shadows have caught up: pauses the live workers and returns how to resume them. */
  pauseLive?: () => Promise<() => void>;
  signal?: AbortSignal;
  now?: () => Date;
}

/**
 * Rebuilds the projections from position 0 in one pass over the log, into shadow collections,
 * then swaps each projection's shadows in atomically with its new checkpoint and version. The live
 * collections are untouched until the swap; a leftover shadow from an interrupted run is dropped
 * and the rebuild starts over. Returns the position the models were swapped in at.
 */
export async function rebuildProjections(options: RebuildOptions): Promise<bigint> {
  const { eventStore, readStore, projections, signal } = options;
  const batchSize = options.batchSize ?? 1_000;
  const now = options.now ?? (() => new Date());
  // One loan-state cache for every projection: each loan event is folded, and its figures computed, once.
  const loans = new LoanStates(loanLogOf(eventStore));
  // Indexes are built once after the bulk load (a sort) instead of maintained row by row through it.
  const shadowSpecs = projections.flatMap((p) => p.collections.map((spec) => ({ ...spec, name: shadowCollection(spec.name) })));
  // The shadows start empty below and only the targets write them: a document they never wrote is not looked up.
  const shadows = new FreshCollections(readStore, shadowSpecs.map((spec) => spec.name));
  const targets = projections.map((p) =>
    applyTarget(p, { store: shadows, eventStore, knownEventTypes: options.knownEventTypes, now, loans }, shadowCollection, rebuildCheckpointName(p.name)),
  );
  for (const spec of shadowSpecs) {
    await readStore.dropCollection(spec.name);
    await readStore.ensureCollection({ ...spec, deferIndexes: true });
  }
  const progress = progressMeter(Number(await eventStore.headPosition()), options.onProgress);
  let position = 0n;
  const applyPages = async (untilShort: boolean) => {
    for (;;) {
      signal?.throwIfAborted();
      const page = await eventStore.readAll({ fromPosition: position, maxCount: batchSize });
      await applyInStep(targets, page);
      if (page.length > 0) position = page[page.length - 1]!.position;
      progress.advance(page.length);
      if (page.length === 0 || (untilShort && page.length < batchSize)) return;
    }
  };
  await applyPages(true);
  for (const spec of shadowSpecs) await readStore.ensureCollection(spec);
  const resume = (await options.pauseLive?.()) ?? (() => undefined);
  try {
    await applyPages(false);
    for (const projection of projections) {
      const pairs = projection.collections.map((c) => ({ from: shadowCollection(c.name), to: c.name }));
      await readStore.swapCollections(pairs, { projection: projection.name, version: projection.version, position, updatedAt: now().toISOString() });
    }
  } finally {
    resume();
  }
  progress.finish();
  return position;
}

function progressMeter(total: number, report: RebuildOptions['onProgress']) {
  const started = performance.now();
  let processed = 0;
  const emit = () => {
    if (!report) return;
    const seconds = (performance.now() - started) / 1_000;
    const eventsPerSecond = seconds > 0 ? processed / seconds : 0;
    const remaining = Math.max(0, total - processed);
    report({ processed, total: Math.max(total, processed), eventsPerSecond, etaSeconds: eventsPerSecond > 0 ? remaining / eventsPerSecond : 0 });
  };
  return {
    advance(count: number) {
      processed += count;
      if (count > 0) emit();
    },
    finish: emit,
  };
}
