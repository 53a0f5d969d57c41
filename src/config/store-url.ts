/** Where a store lives: an embedded SQLite file or a network server. */
export type EventStoreLocation = { kind: 'sqlite'; path: string } | { kind: 'esdb'; url: string };
export type ReadStoreLocation = { kind: 'sqlite'; path: string } | { kind: 'mongodb'; url: string };

const SQLITE_PREFIX = 'sqlite:';

/** Parses `sqlite:<path>` or `esdb://…` (also `esdb+discover://…`); null for any other scheme. */
export function parseEventStoreUrl(url: string): EventStoreLocation | null {
  if (url.startsWith(SQLITE_PREFIX) && url.length > SQLITE_PREFIX.length) {
    return { kind: 'sqlite', path: url.slice(SQLITE_PREFIX.length) };
  }
  if (/^esdb(\+discover)?:\/\/.+/.test(url)) return { kind: 'esdb', url };
  return null;
}

/** Parses `sqlite:<path>` or `mongodb://…` (also `mongodb+srv://…`); null for any other scheme. */
export function parseReadStoreUrl(url: string): ReadStoreLocation | null {
  if (url.startsWith(SQLITE_PREFIX) && url.length > SQLITE_PREFIX.length) {
    return { kind: 'sqlite', path: url.slice(SQLITE_PREFIX.length) };
  }
  if (/^mongodb(\+srv)?:\/\/.+/.test(url)) return { kind: 'mongodb', url };
  return null;
}
