import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { defineProduct, verifiedCustomer } from '../api/commands/journey-steps.js';
import { overpaidLoan, refundsOf, startApprovedPayout } from '../api/payments/payout-fixtures.js';
import { captureIo } from './cli-io.js';

let t: TestApp;
let loanId: string;
let base: string;

beforeAll(async () => {
  t = await openTestApp();
  await verifiedCustomer(t, 'cust-cli-payout');
  ({ loanId } = await overpaidLoan(t, 'cust-cli-payout', await defineProduct(t), 'loan-cli-payout'));
  base = await t.runtime.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => t.close());

const payout = async () => (JSON.parse((await startApprovedPayout(t, loanId, { channel: 'sandbox', amount: '20.00' })).body) as { id: string }).id;
const sandbox = (args: string[]) => {
  const io = captureIo({ LENDCORE_DATA_DIR: t.dataDir, LENDCORE_PAYMENTS_SANDBOX: 'on' });
  return main(['sandbox', ...args], io).then((code) => ({ code, io }));
};

describe('lendcore sandbox payout', () => {
  it('pays a refund payout out through a signed notification, recording the refund once however often it is run', async () => {
    const id = await payout();
    for (let i = 0; i < 2; i++) {
      const { code, io } = await sandbox(['payout', id, '--url', base]);
      expect(code, io.stderr.join('\n')).toBe(0);
      expect(io.stdout.join('\n')).toContain(`paid out 20.00 on payout ${id}`);
    }
    expect((await refundsOf(t, loanId)).filter((e) => (e.data as { reference: string }).reference === `SBXT-${id}`)).toHaveLength(1);
  });

  it('fails a payout with --fail, recording nothing on the loan', async () => {
    const before = (await refundsOf(t, loanId)).length;
    const id = await payout();
    expect((await sandbox(['payout', id, '--fail', '--url', base])).code).toBe(0);
    const view = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payouts/${id}`)).body) as { status: string };
    expect(view.status).toBe('failed');
    expect(await refundsOf(t, loanId)).toHaveLength(before);
  });

  it('books what it paid before notifying, so a lost notification can be queried; a cancelled payout is never paid', async () => {
    const lost = await payout();
    // The server is not where the notification goes: the gateway has paid, the lender has not heard.
    expect((await sandbox(['payout', lost, '--url', 'http://127.0.0.1:9'])).code).not.toBe(0);
    const queried = JSON.parse((await t.call(STAFF.officer, 'POST', `/v1/payouts/${lost}/status-query`, {})).body) as { payout: { status: string } };
    expect(queried.payout.status).toBe('confirmed');

    const cancelled = await payout();
    expect((await t.call(STAFF.officer, 'POST', `/v1/payouts/${cancelled}/cancellation`, { reason: 'payee changed bank' })).statusCode).toBe(200);
    const refusedRun = await sandbox(['payout', cancelled, '--url', base]);
    expect(refusedRun.code).toBe(1);
    expect(refusedRun.io.stderr.join('\n')).toContain('nothing was paid');
    expect((await refundsOf(t, loanId)).filter((e) => (e.data as { reference: string }).reference === `SBXT-${cancelled}`)).toHaveLength(0);
  });

  it('refuses an unknown payout (exit 1) and a missing id (exit 2)', async () => {
    const unknown = await sandbox(['payout', 'no-such-payout', '--url', base]);
    expect(unknown.code).toBe(1);
    expect(unknown.io.stderr.join('\n')).toContain('no sandbox payout no-such-payout');
    expect((await sandbox(['payout'])).code).toBe(2);
  });
});
