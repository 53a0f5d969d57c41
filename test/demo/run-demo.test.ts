import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trialBalanceReport } from '../../src/app/queries/report-queries.js';
import { runDemo, type DemoSummary } from '../../src/demo/run-demo.js';
import { lastCompletedDate } from '../../src/eod/run-record.js';
import { MemoryKeyStore } from '../../src/vault/memory-key-store.js';
import { PiiVault } from '../../src/vault/pii-vault.js';
import { openBook, type Book } from '../eod/book.js';

let book: Book;
let summary: DemoSummary;
const today = '2026-07-01';
const clock = { at: new Date(), now: () => clock.at, set: (d: Date) => void (clock.at = d) };

beforeAll(async () => {
  book = await openBook();
  const services = { eventStore: book.eventStore, readStore: book.readStore, vault: new PiiVault(new MemoryKeyStore()), clock };
  summary = await runDemo(services, { customers: 60, months: 4, seed: 7, today });
  if (!(await book.runner.waitForPosition('all', await book.eventStore.headPosition(), 10_000))) throw new Error('projections did not catch up');
}, 120_000);
afterAll(async () => book?.close());

describe('lendcore demo', () => {
  it('onboards every customer and leaves loans in several statuses', () => {
    expect(summary.customers).toBe(60);
    expect(Object.values(summary.loansByStatus).reduce((a, b) => a + b, 0)).toBe(60);
    const statuses = Object.keys(summary.loansByStatus);
    expect(statuses.length).toBeGreaterThanOrEqual(3);
    expect(statuses).toEqual(expect.arrayContaining(['active', 'overdue', 'closed']));
    expect(summary.payments).toBeGreaterThan(60);
    expect(summary).toMatchObject({ from: '2026-03-01', to: '2026-06-30' });
  });

  it('closed every business day it simulated, and the ledger balances', async () => {
    expect(await lastCompletedDate(book.readStore)).toBe('2026-06-30');
    const balance = await trialBalanceReport(book.readStore, '2026-06-30');
    expect(balance.totals.length).toBeGreaterThan(0);
    for (const total of balance.totals) expect(total, total.currency).toMatchObject({ balanced: true });
    expect(Number(balance.totals[0]!.debit)).toBeGreaterThan(0);
  });

  it('never writes PII in clear: names in the log are vault ciphertext', async () => {
    const [registered] = (await book.eventStore.readAll({ maxCount: 50 })).filter((e) => e.type === 'CustomerRegistered');
    const profile = (registered!.data as { profile: Record<string, string> }).profile;
    for (const value of Object.values(profile)) expect(value).toMatch(/^v1\./);
  });

  it('refuses to run on a store that already has events', async () => {
    const services = { eventStore: book.eventStore, readStore: book.readStore, vault: new PiiVault(new MemoryKeyStore()), clock };
    await expect(runDemo(services, { customers: 1, months: 1, seed: 1, today })).rejects.toMatchObject({ code: 'DEMO_NEEDS_EMPTY_STORE' });
  });
});
