import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_LOG_PROJECTIONS } from '../../src/runtime/projections.js';
import { startProjectionWorker, type ProjectionWorkerProcess } from '../support/projection-worker.js';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { command } from './http.js';

// Real clocks and the workers' own renewal timers (every ttl/3): nothing here drives the leases by hand.
const TTL_MS = 600;
const product = (productId: string) => ({
  productId, name: productId, currency: 'CNY', principal: { min: '1000.00', max: '5000.00' }, term: { min: 3, max: 12 }, frequency: 'monthly', annualRate: '10', aprCap: '24',
});

let api: TestApp;
let first: ProjectionWorkerProcess;
let second: ProjectionWorkerProcess;

beforeAll(async () => {
  api = await openTestApp({ projectors: 'off' });
  first = await startProjectionWorker(api.runtime.config, 'worker-1', { ttlMs: TTL_MS });
  second = await startProjectionWorker(api.runtime.config, 'worker-2', { ttlMs: TTL_MS });
});
afterAll(async () => {
  await second.stop();
  await api.close();
});

describe('a killed `lendcore project` worker, left to the lease timers', () => {
  it('is replaced by the other worker, which then carries every projection on from where the dead one committed', async () => {
    await api.caughtUp((await command(api, STAFF.admin, '/v1/products', product('before-the-kill'))).position);
    await first.crash();
    const after = await command(api, STAFF.admin, '/v1/products', product('after-the-kill'));
    await api.caughtUp(after.position);
    expect((await second.runner.status()).map((s) => [s.name, s.state])).toEqual(SQLITE_LOG_PROJECTIONS.map((p) => [p.name, 'live']));
    const catalog = await api.call(STAFF.officer, 'GET', `/v1/products/after-the-kill?minPosition=${after.position}`);
    expect(catalog.statusCode, catalog.body).toBe(200);
  });
});
