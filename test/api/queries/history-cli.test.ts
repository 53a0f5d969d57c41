import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { openTestApp, type TestApp } from '../../support/test-app.js';
import { captureIo } from '../../cli/cli-io.js';
import { defineProduct, disbursedLoan, repay, useBusinessClock, verifiedCustomer } from './journey.js';

let t: TestApp;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  await defineProduct(t);
  await verifiedCustomer(t, 'c1');
  await disbursedLoan(t, 'l1', 'c1');
  await repay(t, 'l1', 'c1', '1020.07', '2026-02-15', 'feb');
  await repay(t, 'l1', 'c1', '1020.07', '2026-03-15', 'mar');
  // The CLI opens the same SQLite log itself, beside the running app (WAL lets both read).
  env = { LENDCORE_DATA_DIR: t.dataDir };
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('lendcore history', () => {
  it('prints one line per event: business time, type, actor and key amounts', async () => {
    const io = captureIo(env);
    expect(await main(['history', 'l1'], io)).toBe(0);
    const [header, ...lines] = io.stdout;
    expect(header).toBe('loan l1 (customer c1): 6 of 6 events');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^2026-01-10T18:00:\d\d\.\d{3}\+08:00 {2}LoanApplicationSubmitted {2}.*borrower:user-c1 {2}principal=3000\.00 {2}term=3/);
    expect(lines[3]).toMatch(/LoanDisbursed .*officer:officer-olga {2}amount=3000\.00 {2}netAmount=2970\.00 {2}channel=bank_transfer/);
    expect(lines[5]).toMatch(/^2026-03-15T.* RepaymentReceived .*amount=1020\.07 {2}channel=alipay {2}reference=mar {2}effectiveDate=2026-03-15/);
  });

  it('with --as-of, stops at that instant and prints the loan as it stood then', async () => {
    const io = captureIo(env);
    expect(await main(['history', 'l1', '--as-of', '2026-03-01T00:00:00Z'], io)).toBe(0);
    expect(io.stdout[0]).toBe('loan l1 (customer c1): 5 of 6 events up to 2026-03-01T00:00:00.000Z');
    expect(io.stdout.at(-1)).toMatch(/^as of 2026-03-01T00:00:00\.000Z: active, outstanding 20\d\d\.\d\d CNY, 0 days past due$/);
  });

  it('exits 1 for an unknown loan and 2 for bad usage', async () => {
    const unknown = captureIo(env);
    expect(await main(['history', 'nope'], unknown)).toBe(1);
    expect(unknown.stderr.join('\n')).toContain('no loan nope');
    for (const args of [['history'], ['history', '--as-of', '2026-01-01T00:00:00Z'], ['history', 'l1', '--as-of', 'soon'], ['history', 'l1', '--bogus']]) {
      expect(await main(args, captureIo(env))).toBe(2);
    }
  });
});
