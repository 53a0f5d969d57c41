import type { AppServices } from '../../../src/app/services.js';
import type { EventStore } from '../../../src/eventstore/port.js';
import { openEventStore } from '../../../src/runtime/open-stores.js';
import type { TestApp } from '../../support/test-app.js';

/**
 * A second server process on the test app's data: its own connection to the SQLite log, so its own
 * stream locks and aggregate cache, sharing the read store, vault and clock. What it writes the app
 * only sees when it reads the log again (an append at a stale revision conflicts), as across processes.
 */
export async function otherProcess(t: TestApp): Promise<{ services: AppServices; close(): Promise<void> }> {
  const eventStore = await openEventStore(t.runtime.config);
  const { readStore, vault } = t.runtime;
  return { services: { eventStore, readStore, vault, clock: { now: () => new Date(), timeZone: t.runtime.config.timeZone } }, close: () => eventStore.close() };
}

/** The officer a second process acts as, and its correlation id, for calling the application layer directly. */
export const OTHER_PROCESS_OFFICER = { actor: { sub: 'officer-otto', role: 'officer' as const }, correlationId: 'other-process' };

/** The test app's own services (its log connection), for calling the application layer directly. */
export function thisProcess(t: TestApp): AppServices {
  const { eventStore, readStore, vault } = t.runtime;
  return { eventStore, readStore, vault, clock: { now: () => new Date(), timeZone: t.runtime.config.timeZone } };
}

/**
 * Forces an interleaving: the next time the app's log is asked to append to a stream `which`
 * accepts, `meanwhile` runs to its end first (another process's whole request, or a crash: it may
 * throw, and then the append never happens). Fires once.
 */
export function beforeNextAppend(store: EventStore, which: (streamId: string) => boolean, meanwhile: () => Promise<unknown>): void {
  const append = store.append.bind(store);
  const patched: EventStore['append'] = async (streamId, ...rest) => {
    if (!which(streamId)) return append(streamId, ...rest);
    store.append = append;
    await meanwhile();
    return append(streamId, ...rest);
  };
  store.append = patched;
}
