import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { borrower, openTestApp, type TestApp } from '../support/test-app.js';
import { activeLoan, defineProduct, verifiedCustomer } from '../api/commands/journey-steps.js';
import { repaymentsOf } from '../api/payments/payment-fixtures.js';
import { captureIo } from './cli-io.js';

let t: TestApp;
let loanId: string;
let base: string;

beforeAll(async () => {
  t = await openTestApp();
  await verifiedCustomer(t, 'cust-cli');
  loanId = await activeLoan(t, 'cust-cli', await defineProduct(t), '2026-01-15', '5000.00');
  base = await t.runtime.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => t.close());

const intent = async () => (JSON.parse((await t.call(borrower('cust-cli'), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount: '250.00', channel: 'sandbox' })).body) as { id: string }).id;
const sandbox = (args: string[]) => {
  const io = captureIo({ LENDCORE_DATA_DIR: t.dataDir, LENDCORE_PAYMENTS_SANDBOX: 'on' });
  return main(['sandbox', ...args], io).then((code) => ({ code, io }));
};

describe('lendcore sandbox pay', () => {
  it('pays an intent through a signed notification to the running server, once however often it is run', async () => {
    const id = await intent();
    for (let i = 0; i < 2; i++) {
      const { code, io } = await sandbox(['pay', id, '--url', base]);
      expect(code, io.stderr.join('\n')).toBe(0);
      expect(io.stdout.join('\n')).toContain(`paid 250.00 on intent ${id}`);
    }
    expect((await repaymentsOf(t, loanId)).filter((e) => (e.data as { reference: string }).reference === `SBX-${id}`)).toHaveLength(1);
  });

  it('fails an intent with --fail', async () => {
    const id = await intent();
    expect((await sandbox(['pay', id, '--fail', '--url', base])).code).toBe(0);
    const view = JSON.parse((await t.call(borrower('cust-cli'), 'GET', `/v1/payment-intents/${id}`)).body) as { status: string };
    expect(view.status).toBe('failed');
  });

  it('refuses an unknown intent (exit 1) and bad usage (exit 2)', async () => {
    const unknown = await sandbox(['pay', 'no-such-intent', '--url', base]);
    expect(unknown.code).toBe(1);
    expect(unknown.io.stderr.join('\n')).toContain('no sandbox payment intent no-such-intent');
    expect((await sandbox(['refund', 'x'])).code).toBe(2);
    expect((await sandbox(['pay'])).code).toBe(2);
    expect((await sandbox(['pay', 'x', '--amount', 'lots'])).code).toBe(2);
  });
});
