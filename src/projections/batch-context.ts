import type { RecordedEvent } from '../eventstore/port.js';
import type { Doc, FindQuery, Page, ReadStore, Write } from '../readstore/port.js';
import type { LoanStates } from './loan-states.js';
import type { ProjectionContext } from './projection.js';
import { compareDocs, matchesWhere } from './pending-query.js';

/**
 * The context one batch of events is applied with. Writes are staged per document (the last one
 * wins, so a loan touched by fifty events is written once) and documents read are cached for the
 * batch; reads see the staged writes first. Documents handed out are the batch's own: a handler
 * that changes one must `put` it.
 */
export class BatchContext implements ProjectionContext {
  private readonly staged = new Map<string, Map<string, Doc | null>>();
  private readonly cached = new Map<string, Map<string, Doc | null>>();
  private readonly settlers = new Map<string, { event: RecordedEvent; work: () => Promise<void> | void }>();

  /** `collections` maps each collection the projection owns to the store collection it lives in. */
  constructor(
    private readonly store: ReadStore,
    private readonly collections: ReadonlyMap<string, string>,
    private readonly projection: string,
    readonly loans: LoanStates,
  ) {}

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    const target = this.target(collection);
    const staged = this.staged.get(collection)?.get(id);
    if (staged !== undefined) return staged as T | null;
    const cache = mapFor(this.cached, collection);
    const cachedDoc = cache.get(id);
    if (cachedDoc !== undefined) return cachedDoc as T | null;
    const doc = await this.store.get<T>(target, id);
    cache.set(id, doc);
    return doc;
  }

  async prefetch(collection: string, ids: Iterable<string>): Promise<void> {
    const target = this.target(collection);
    const staged = this.staged.get(collection);
    const cache = mapFor(this.cached, collection);
    const wanted = new Set<string>();
    for (const id of ids) if (!cache.has(id) && !staged?.has(id)) wanted.add(id);
    if (wanted.size === 0) return;
    const found = await this.store.getMany<Doc>(target, [...wanted]);
    for (const id of wanted) cache.set(id, found.get(id) ?? null);
  }

  /** Merges staged writes into the stored page; with staged writes the page is complete up to `limit` and has no next cursor. */
  async find<T extends Doc>(collection: string, query: FindQuery): Promise<Page<T>> {
    const target = this.target(collection);
    const staged = this.staged.get(collection);
    if (!staged || staged.size === 0) return this.store.find<T>(target, query);
    if (query.cursor) throw new Error(`${this.projection}: a handler cannot page with a cursor over ${collection} while it has staged writes`);
    // Staged documents can displace at most `staged.size` stored ones from the first page.
    const stored = await this.store.find<T>(target, { ...query, limit: query.limit === undefined ? undefined : query.limit + staged.size });
    const merged: Doc[] = stored.items.filter((doc) => !staged.has(doc.id));
    for (const doc of staged.values()) if (doc && matchesWhere(doc, query.where)) merged.push(doc);
    merged.sort(compareDocs(query.sort));
    return { items: (query.limit === undefined ? merged : merged.slice(0, query.limit)) as T[], nextCursor: null };
  }

  put(collection: string, doc: Doc): void {
    this.target(collection);
    mapFor(this.staged, collection).set(doc.id, doc);
  }

  delete(collection: string, id: string): void {
    this.target(collection);
    mapFor(this.staged, collection).set(id, null);
  }

  settle(key: string, event: RecordedEvent, work: () => Promise<void> | void): void {
    this.settlers.set(key, { event, work });
  }

  /**
   * Runs the registered settle work (in first-registration order); returns the event whose work
   * threw, with the error, or null. Call once, after the batch's last event.
   */
  async runSettlers(): Promise<{ event: RecordedEvent; error: unknown } | null> {
    for (const { event, work } of this.settlers.values()) {
      try {
        const result = work();
        if (result) await result;
      } catch (error) {
        return { event, error };
      }
    }
    this.settlers.clear();
    return null;
  }

  /** The staged writes against the store's collection names, one per document. */
  writes(): Write[] {
    const writes: Write[] = [];
    for (const [collection, docs] of this.staged) {
      const target = this.target(collection);
      for (const [id, doc] of docs) writes.push(doc ? { op: 'put', collection: target, doc } : { op: 'delete', collection: target, id });
    }
    return writes;
  }

  private target(collection: string): string {
    const target = this.collections.get(collection);
    if (target === undefined) throw new Error(`projection ${this.projection} does not own collection ${collection}`);
    return target;
  }
}

function mapFor(maps: Map<string, Map<string, Doc | null>>, collection: string): Map<string, Doc | null> {
  let map = maps.get(collection);
  if (!map) {
    map = new Map();
    maps.set(collection, map);
  }
  return map;
}
