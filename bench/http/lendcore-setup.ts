import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { mintToken } from '../../src/api/auth/token.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { ALL_EVENT_TYPES } from '../../src/projections/models/event-types.js';
import { rebuildProjections } from '../../src/projections/rebuild.js';
import { projectionsFor } from '../../src/runtime/projections.js';
import { KEY_STORE_FILE } from '../../src/runtime/safe-start.js';
import { SERVER_MALLOC_ARENA_MAX, SERVER_NODE_FLAGS } from '../../src/runtime/server-heap.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { SqliteKeyStore } from '../../src/vault/sqlite-key-store.js';
import { generateLog } from '../data/generate-log.js';
import { resolveIntegrityKeys } from '../../src/integrity/integrity-keys.js';

/** A seeded data dir for lendcore's server: active loans to repay, and who may repay them. */
export interface PreparedServer {
  dataDir: string;
  /** Environment for the server worker (data dir, JWT secret, master key, rate limit off, memory settings as `npm start` sets them). */
  env: NodeJS.ProcessEnv;
  loanIds: string[];
  token: string;
  effectiveDate: string;
}

/** Loans the load spreads over: enough that concurrent repayments rarely hit the same stream. */
const HTTP_LOANS = 2_000;

/**
 * Seeds the server's own files the way `npm start` lays them out (lendcore.db, readmodels.db under
 * LENDCORE_DATA_DIR) and rebuilds the read models, so the server starts caught up and GET works.
 */
export async function prepareLendcoreServer(workDir: string): Promise<PreparedServer> {
  const dataDir = path.join(workDir, 'http');
  await mkdir(dataDir, { recursive: true });
  const eventsFile = path.join(dataDir, 'lendcore.db');
  // Signed with the key the server will derive from this data dir, as if its own appends wrote the log.
  const { macKey } = await resolveIntegrityKeys(dataDir, null);
  const log = generateLog(eventsFile, { loans: HTTP_LOANS, paidInstallments: 1 }, macKey);
  const eventStore = SqliteEventStore.open({ path: eventsFile, macKey });
  const readStore = SqliteReadStore.open({ path: path.join(dataDir, 'readmodels.db') });
  try {
    await rebuildProjections({ eventStore, readStore, projections: projectionsFor(eventStore), knownEventTypes: new Set(ALL_EVENT_TYPES) });
  } finally {
    await readStore.close();
    await eventStore.close();
  }
  // The log has customers, so the server refuses to start without their key store (safe start).
  const masterKey = randomBytes(32);
  await SqliteKeyStore.open({ path: path.join(dataDir, KEY_STORE_FILE), masterKey }).close();
  const secret = randomBytes(32).toString('hex');
  return {
    dataDir,
    env: {
      LENDCORE_DATA_DIR: dataDir, LENDCORE_JWT_SECRET: secret, LENDCORE_MASTER_KEY: masterKey.toString('base64'), LENDCORE_RATE_LIMIT: '0', LENDCORE_SQLITE_SYNCHRONOUS: 'FULL', PORT: '0', HOST: '127.0.0.1',
      // As `npm start` and the image start the server (server-heap.ts: V8 sizes the young generation
      // at start-up, glibc reads the arena limit before the first malloc).
      MALLOC_ARENA_MAX: SERVER_MALLOC_ARENA_MAX, NODE_OPTIONS: SERVER_NODE_FLAGS.join(' '),
    },
    loanIds: log.loanIds,
    token: await mintToken({ sub: 'bench-officer', role: 'officer', ttl: '1h' }, Buffer.from(secret, 'utf8')),
    // After every loan's disbursement and its first repayment: a plain on-time payment date.
    effectiveDate: log.businessDate,
  };
}
