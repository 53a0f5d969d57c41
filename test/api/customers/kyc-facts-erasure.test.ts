import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, nationalIdOf, PII } from '../commands/journey-steps.js';
import { filesHolding, holding, rowsOf } from './erasure-evidence.js';

// PIPL art. 4, 47: a borrower's employer and income are personal information that erasure must
// leave unreadable. KycSubmitted held them in clear beside its sealed bank account.
const EMPLOYER = 'Zhuque Robotics Ltd';
const INCOME = '23456.78';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

async function registerWithKyc(customerId: string, kyc?: { monthlyIncome: string; employer: string }): Promise<string> {
  let { position } = accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', { customerId, name: PII.name, nationalId: nationalIdOf(customerId), phone: PII.phone }));
  if (kyc) {
    ({ position } = accepted(await t.call(STAFF.officer, 'POST', `/v1/customers/${customerId}/kyc`, { ...kyc, employmentMonths: 40, bankAccount: PII.bankAccount })));
  }
  return position;
}

async function erase(customerId: string): Promise<void> {
  const { position } = accepted(await t.call(STAFF.compliance, 'DELETE', `/v1/customers/${customerId}/pii`, { reason: 'PIPL art. 47 request' }));
  await t.caughtUp(position);
}

/** What staff can read of the customer over HTTP: the account centre, the KYC queue and a search. */
async function answersAbout(customerId: string): Promise<string[]> {
  const urls = [`/v1/customers/${customerId}`, '/v1/queues/kyc-review', `/v1/customers?q=${encodeURIComponent(PII.name)}`];
  return Promise.all(urls.map(async (url) => {
    const res = await t.call(STAFF.compliance, 'GET', url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return `${url}: ${res.body}`;
  }));
}

describe('KYC employer and income are sealed with the customer\'s key', () => {
  it('shows them to staff until erasure, and after it neither the log, the read models, the data dir nor any answer holds them', async () => {
    const customerId = 'cust-kyc-sealed';
    await t.caughtUp(await registerWithKyc(customerId, { monthlyIncome: INCOME, employer: EMPLOYER }));

    const [kycEvent] = (await t.runtime.eventStore.readStream(`customer-${customerId}`)).filter((e) => e.type === 'KycSubmitted');
    expect(kycEvent?.schemaVersion).toBe(2);
    expect(await t.runtime.vault.open(customerId, (kycEvent?.data as { employer: string }).employer)).toBe(EMPLOYER);
    const before = (await t.call(STAFF.compliance, 'GET', `/v1/customers/${customerId}`)).json() as { kyc: Record<string, unknown> };
    expect(before.kyc).toMatchObject({ monthlyIncome: INCOME, employer: EMPLOYER, employmentMonths: 40 });
    // The queue says the KYC waits, without naming the employer: a queue row would outlive the key.
    const queue = (await t.call(STAFF.compliance, 'GET', '/v1/queues/kyc-review')).json() as { items: Record<string, unknown>[] };
    expect(queue.items.find((item) => item.customerId === customerId)).toMatchObject({ reason: 'KYC submitted, awaiting a decision', reasonParams: {} });
    // Sealed before the command was built: not even the live log or read models ever held them in clear.
    for (const needle of [EMPLOYER, INCOME]) expect(filesHolding(t.dataDir, needle), needle).toEqual([]);

    await erase(customerId);

    const log = rowsOf(path.join(t.dataDir, 'lendcore.db'));
    const readModels = rowsOf(path.join(t.dataDir, 'readmodels.db'));
    expect(holding(log, customerId).length).toBeGreaterThan(0);
    expect(holding(readModels, customerId).length).toBeGreaterThan(0);
    const answers = await answersAbout(customerId);
    for (const needle of [EMPLOYER, INCOME]) {
      expect(holding(log, needle), `log rows holding ${needle}`).toEqual([]);
      expect(holding(readModels, needle), `read-model rows holding ${needle}`).toEqual([]);
      expect(holding(answers, needle), `answers holding ${needle}`).toEqual([]);
      expect(holding(t.logLines, needle), `log lines holding ${needle}`).toEqual([]);
      expect(filesHolding(t.dataDir, needle), `files holding ${needle}`).toEqual([]);
    }
    const after = (await t.call(STAFF.compliance, 'GET', `/v1/customers/${customerId}`)).json() as { kyc: Record<string, unknown> };
    expect(after.kyc).toMatchObject({ monthlyIncome: '[erased]', employer: '[erased]', bankAccount: '[erased]', employmentMonths: 40 });
  });

  it('refuses a malformed income 400 before sealing anything, whatever the customer\'s state', async () => {
    const customerId = 'cust-kyc-bad-income';
    await registerWithKyc(customerId);
    const head = await t.runtime.eventStore.headPosition();
    const res = await t.call(STAFF.officer, 'POST', `/v1/customers/${customerId}/kyc`, { monthlyIncome: '-1.00', employer: EMPLOYER, employmentMonths: 1, bankAccount: PII.bankAccount });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });
});

describe('KYC recorded before employer and income were sealed (KycSubmitted v1)', () => {
  it('reads them through the vault until erasure; erasure empties the views and read models, and the log keeps the clear text', async () => {
    const customerId = 'cust-kyc-v1';
    await registerWithKyc(customerId);
    const legacyEmployer = 'Qingniao Textiles';
    const { position } = await t.runtime.eventStore.append(`customer-${customerId}`, [{
      type: 'KycSubmitted', schemaVersion: 1,
      data: { monthlyIncome: '34567.89', employer: legacyEmployer, employmentMonths: 12, bankAccount: await t.runtime.vault.seal(customerId, PII.bankAccount), submittedAt: '2026-01-05T09:00:00.000Z' },
      occurredAt: '2026-01-05T09:00:00.000Z', actor: STAFF.officer, correlationId: 'legacy-kyc',
    }], 0n);
    await t.caughtUp(position);

    // The upcaster hands v1 out as v2: the clear values marked v0, which only the vault opens.
    const [upcast] = (await t.runtime.eventStore.readStream(`customer-${customerId}`)).filter((e) => e.type === 'KycSubmitted');
    expect(upcast).toMatchObject({ schemaVersion: 2, data: { employer: `v0.${legacyEmployer}`, monthlyIncome: 'v0.34567.89' } });
    const before = (await t.call(STAFF.compliance, 'GET', `/v1/customers/${customerId}`)).json() as { kyc: Record<string, unknown> };
    expect(before.kyc).toMatchObject({ monthlyIncome: '34567.89', employer: legacyEmployer });

    await erase(customerId);

    const answers = await answersAbout(customerId);
    const readModels = rowsOf(path.join(t.dataDir, 'readmodels.db'));
    for (const needle of [legacyEmployer, '34567.89']) {
      expect(holding(answers, needle), `answers holding ${needle}`).toEqual([]);
      expect(holding(readModels, needle), `read-model rows holding ${needle}`).toEqual([]);
      // An event is never rewritten: the v1 event keeps what it recorded (README, erasure of values recorded in clear).
      expect(holding(rowsOf(path.join(t.dataDir, 'lendcore.db')), needle)).toHaveLength(1);
    }
    const after = (await t.call(STAFF.compliance, 'GET', `/v1/customers/${customerId}`)).json() as { kyc: Record<string, unknown> };
    expect(after.kyc).toMatchObject({ monthlyIncome: '[erased]', employer: '[erased]' });
  });
});
