import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replay } from '../../scripts/replay/rebuild.js';
import { setUpLoanBook } from '../../scripts/soak/loan-book-setup.js';
import { HARNESS_JWT_SECRET, staffTokens } from '../../scripts/soak/role-tokens.js';
import { startServer, type ServerProcess } from '../../scripts/soak/server-process.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { compareReadModels } from '../../src/projections/compare/compare-read-models.js';
import { comparisonDifferences } from '../../src/projections/compare/describe-comparison.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { projectionsFor } from '../../src/runtime/projections.js';
import { lendcoreUpcasters } from '../../src/runtime/upcasters.js';
import { CommandLedger } from './command-ledger.js';
import { driveTraffic } from './crash-traffic.js';
import { awaitProjectionsCaughtUp } from './projection-catch-up.js';
import { between, seededRandom } from './seeded-random.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 5);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const dataDir = mkdtempSync(path.join(tmpdir(), 'lendcore-crash-'));
const serverEnv = {
  LENDCORE_RATE_LIMIT: '0',
  LENDCORE_JWT_SECRET: HARNESS_JWT_SECRET,
  LENDCORE_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  LENDCORE_SQLITE_SYNCHRONOUS: 'FULL',
};
let server: ServerProcess | null = null;

afterAll(async () => {
  await server?.crash();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = async () => (server = await startServer({ root: ROOT, dataDir, env: serverEnv }));

describe(`kill -9 under load (seed ${SEED}; replay with CRASH_SEED=${SEED})`, () => {
  it('keeps every acknowledged command exactly once, an intact hash chain, and read models equal to a rebuild', async () => {
    expect(existsSync(CLI), `${CLI} is missing: run npm run build first`).toBe(true);
    const random = seededRandom(SEED);
    const tokens = await staffTokens();
    const ledger = new CommandLedger();
    const book = await setUpLoanBook((await start()).url, tokens, { customers: 4, loans: 8 });

    for (let round = 1; round <= ROUNDS; round++) {
      const running = server ?? (await start());
      const traffic = driveTraffic({ url: running.url, book, tokens, ledger, random, clients: 6, round, maxCommandsPerClient: 5_000 });
      await new Promise((resolve) => setTimeout(resolve, between(random, 200, 1_500)));
      await running.crash();
      server = null;
      await traffic.stop();
    }

    const final = await start();
    await awaitProjectionsCaughtUp(final.url, tokens.admin, 60_000);
    await final.stop();
    server = null;

    const acknowledged = ledger.count('acknowledged');
    expect(acknowledged, 'the clients got no 2xx at all: the traffic never reached the routes').toBeGreaterThan(0);
    console.info(`crash test: ${ROUNDS} kills, ${acknowledged} acknowledged, ${ledger.count('lost')} lost, ${ledger.count('refused')} refused`);

    const events = SqliteEventStore.open({ path: path.join(dataDir, 'lendcore.db'), upcasters: lendcoreUpcasters() });
    const live = SqliteReadStore.open({ path: path.join(dataDir, 'readmodels.db') });
    const rebuilt = SqliteReadStore.open({ path: path.join(dataDir, 'rebuilt.db') });
    try {
      expect(await ledger.violations(events)).toEqual([]);
      await replay({ eventStore: events, readStore: rebuilt, projections: projectionsFor(events), names: 'all' });
      expect(comparisonDifferences(await compareReadModels(live, rebuilt, projectionsFor(events)))).toEqual([]);
    } finally {
      await Promise.all([events.close(), live.close(), rebuilt.close()]);
    }

    const verify = spawnSync(process.execPath, [CLI, 'verify'], { env: { ...process.env, ...serverEnv, LENDCORE_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 60_000 });
    expect(verify.status, `${verify.stdout}${verify.stderr}`).toBe(0);
  });
});
