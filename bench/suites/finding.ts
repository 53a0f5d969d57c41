import path from 'node:path';
import { mintToken } from '../../src/api/auth/token.js';
import { loadConfig } from '../../src/config/config.js';
import { runDemo } from '../../src/demo/run-demo.js';
import { CUSTOMER_ACCOUNT, type CustomerAccountDoc } from '../../src/projections/models/customer-account/documents.js';
import { openRuntime, type Runtime } from '../../src/runtime/open-runtime.js';
import { medianOf, msSince } from '../stats.js';
import type { Suite } from '../suite.js';

const CALLS_PER_SAMPLE = 20;
const CAUGHT_UP_MS = 600_000;

/** Mean ms of one GET answered by the real app (app.inject: routing, auth, validation, query, serialisation; no socket). */
async function getMs(runtime: Runtime, url: string, authorization: string): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS_PER_SAMPLE; i++) {
    const res = await runtime.app.inject({ method: 'GET', url, headers: { authorization } });
    if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}: ${res.body}`);
  }
  return msSince(start) / CALLS_PER_SAMPLE;
}

/** The cursor of the first page of `url` (a page in the middle of the list), and the first item's id. */
async function firstPage(runtime: Runtime, url: string, authorization: string): Promise<{ cursor: string; firstId: string }> {
  const res = await runtime.app.inject({ method: 'GET', url, headers: { authorization } });
  const page = res.json<{ items: { id: string }[]; nextCursor: string | null }>();
  const firstId = page.items[0]?.id;
  if (res.statusCode !== 200 || !page.nextCursor || firstId === undefined) throw new Error(`GET ${url} gave no second page (${res.statusCode}): the demo book is too small`);
  return { cursor: page.nextCursor, firstId };
}

/** One customer's name prefix and phone in clear, opened through the vault as the search would be typed. */
async function searchTerms(runtime: Runtime): Promise<{ prefix: string; phone: string }> {
  const page = await runtime.readStore.find<CustomerAccountDoc>(CUSTOMER_ACCOUNT, { limit: 1 });
  const doc = page.items[0];
  if (!doc) throw new Error('the demo registered no customer');
  const name = (await runtime.vault.open(doc.id, doc.profile.name)) ?? '';
  const phone = (await runtime.vault.open(doc.id, doc.profile.phone)) ?? '';
  return { prefix: [...name].slice(0, 2).join(''), phone };
}

/**
 * The list and search queries of DESIGN.md "Finding things" on the demo book (`lendcore demo
 * --customers N`, default 2 000, six months): loans by status and by days past due, the next page
 * through the cursor, customers by name prefix and by phone (blind index), a loan's transactions
 * (read from its stream) and a work queue. The book is seeded through the same services as the
 * CLI, the projections catch up, then each query is timed through the app.
 */
export const findingSuite: Suite = {
  name: 'finding',
  figures: [
    'find.loans.status', 'find.loans.dpd', 'find.customers.name', 'find.customers.phone', 'find.queue.approvals', 'find.loans.next-page', 'find.loan.transactions',
  ],
  async run(config, workDir) {
    const dataDir = path.join(workDir, 'finding');
    const secret = 'bench-finding-secret-0123456789abcdef';
    const runtime = await openRuntime(loadConfig({
      LENDCORE_DATA_DIR: dataDir, LENDCORE_JWT_SECRET: secret, LENDCORE_RATE_LIMIT: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    }));
    try {
      let now = new Date();
      const services = { eventStore: runtime.eventStore, readStore: runtime.readStore, vault: runtime.vault, clock: { now: () => now, set: (d: Date) => (now = d) } };
      await runDemo(services, { customers: config.findCustomers, months: 6, seed: 1, today: new Date().toISOString().slice(0, 10) });
      const head = await runtime.eventStore.headPosition();
      if (!(await runtime.projections?.waitForPosition('all', head, CAUGHT_UP_MS))) throw new Error('projections did not catch up with the demo book');
      const key = Buffer.from(secret, 'utf8');
      const officer = `Bearer ${await mintToken({ role: 'officer', sub: 'bench-officer', ttl: '1h' }, key)}`;
      const underwriter = `Bearer ${await mintToken({ role: 'underwriter', sub: 'bench-underwriter', ttl: '1h' }, key)}`;
      const { prefix, phone } = await searchTerms(runtime);
      const active = '/v1/loans?status=active&limit=50';
      const { cursor, firstId } = await firstPage(runtime, active, officer);
      const measure = async (url: string, authorization: string): Promise<number> => {
        await getMs(runtime, url, authorization); // warm-up
        return medianOf(config.runs, () => getMs(runtime, url, authorization));
      };
      return [
        { name: 'find.loans.status', measured: await measure('/v1/loans?status=active&limit=50', officer) },
        { name: 'find.loans.dpd', measured: await measure('/v1/loans?dpdFrom=1&limit=50', officer) },
        { name: 'find.customers.name', measured: await measure(`/v1/customers?q=${encodeURIComponent(prefix)}&limit=50`, officer) },
        { name: 'find.customers.phone', measured: await measure(`/v1/customers?q=${encodeURIComponent(phone)}`, officer) },
        { name: 'find.queue.approvals', measured: await measure('/v1/queues/approvals?limit=50', underwriter) },
        { name: 'find.loans.next-page', measured: await measure(`${active}&cursor=${encodeURIComponent(cursor)}`, officer) },
        { name: 'find.loan.transactions', measured: await measure(`/v1/loans/${firstId}/transactions`, officer) },
      ];
    } finally {
      await runtime.close();
    }
  },
};
