import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTAINER_STARTUP_MS, ESDB_URL_VAR, MONGO_URL_VAR, skipReason, startEventStoreDb, startMongo, type TestServer } from '../support/containers.js';
import { withDatabase } from '../support/mongo-database.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { borrowerJourney } from './journey.js';

// Decided before `describe`, so a machine without the servers skips at once and says why.
const reason = (await skipReason(ESDB_URL_VAR)) ?? (await skipReason(MONGO_URL_VAR));
const runId = randomUUID().slice(0, 8);
// A database of its own, so a shared server (LENDCORE_TEST_MONGO_URL) keeps no state between runs.
const database = `lendcore-e2e-${runId}`;

describe('pointing the journey at a database of its own (no server needed)', () => {
  it('sets the database path and keeps the hosts and options', () => {
    expect(withDatabase('mongodb://localhost:32768/?directConnection=true', 'e2e')).toBe('mongodb://localhost:32768/e2e?directConnection=true');
    expect(withDatabase('mongodb://m1:27017,m2:27017/lendcore?replicaSet=rs0', 'e2e')).toBe('mongodb://m1:27017,m2:27017/e2e?replicaSet=rs0');
    expect(withDatabase('mongodb+srv://cluster.example.com', 'e2e')).toBe('mongodb+srv://cluster.example.com/e2e');
  });

  it('refuses a URL that is not MongoDB', () => {
    expect(() => withDatabase('postgres://localhost/db', 'e2e')).toThrow('not a MongoDB URL: postgres://localhost/db');
  });
});

const title = 'the borrower journey end to end on the distributed engines (EventStoreDB log, MongoDB read models)';
describe.skipIf(reason !== null)(reason === null ? title : `${title} (skipped: ${reason})`, () => {
  let esdb: TestServer | undefined;
  let mongo: TestServer | undefined;
  let t: TestApp;

  beforeAll(async () => {
    [esdb, mongo] = await Promise.all([startEventStoreDb(), startMongo()]);
    t = await openTestApp({ eventStoreUrl: esdb.url, readStoreUrl: withDatabase(mongo.url, database) });
  }, CONTAINER_STARTUP_MS);

  afterAll(async () => {
    await t?.close();
    if (mongo) {
      const client = await MongoClient.connect(mongo.url);
      await client.db(database).dropDatabase().finally(() => client.close());
    }
    await Promise.all([esdb?.stop(), mongo?.stop()]);
  }, CONTAINER_STARTUP_MS);

  // Ids carry the run id: on a shared server the log keeps earlier runs' streams.
  for (const step of borrowerJourney(runId)) it(step.name, () => step.run(t));
});
