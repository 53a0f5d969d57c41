import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAggregate } from '../../src/commands/load-aggregate.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import { decideLoan, loanDecider, type LoanState } from '../../src/domain/loan/decider.js';
import { closeLoan } from '../../src/eod/close-loan.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { EOD_ACTOR, loanEvents, openLoan, runLoanCommand } from './book.js';

const monthEnd: LoanCommand = { type: 'CloseBusinessDay', data: { date: '2026-01-31' } };

describe('closeLoan', () => {
  let dir: string;
  let store: SqliteEventStore;
  let reads: number;
  const deps = () => ({ eventStore: store, actor: EOD_ACTOR, correlationId: 'eod-test' });
  const bookCopy = async (loanId: string): Promise<LoanState> => (await loadAggregate(store, `loan-${loanId}`, loanDecider)).state;
  const countReads = () => {
    const readStream = store.readStream.bind(store);
    store.readStream = (...args) => ((reads += 1), readStream(...args));
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lendcore-close-loan-'));
    store = SqliteEventStore.open({ path: join(dir, 'events.db') });
    reads = 0;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends what the book copy decided at the revision it was folded to, without loading the loan', async () => {
    await openLoan(store, 'l1');
    const book = await bookCopy('l1');
    expect(book.eventsFolded).toBe(4);
    countReads();
    expect(await closeLoan(deps(), 'l1', book, decideLoan(monthEnd, book), monthEnd, '2026-01-31')).toBe(1);
    expect(reads).toBe(0);
    const [last] = await store.readStream('loan-l1', { direction: 'backwards', maxCount: 1 });
    expect(last).toMatchObject({ revision: 4n, type: 'InterestAccrued', occurredAt: '2026-01-31T23:59:59.999Z', actor: EOD_ACTOR, correlationId: 'eod-test' });
  });

  it('decides again through the pipeline when the copy missed an event, so nothing is appended twice', async () => {
    await openLoan(store, 'l2');
    const stale = await bookCopy('l2');
    await runLoanCommand(store, 'l2', monthEnd, EOD_ACTOR, '2026-01-31');
    countReads();
    expect(await closeLoan(deps(), 'l2', stale, decideLoan(monthEnd, stale), monthEnd, '2026-01-31')).toBe(0);
    expect(reads).toBeGreaterThan(0);
    expect((await loanEvents(store, 'l2')).filter((e) => e.type === 'InterestAccrued')).toHaveLength(1);
  });

  it('goes through the pipeline for a copy that predates the event count', async () => {
    await openLoan(store, 'l3');
    const { eventsFolded: _, ...old } = await bookCopy('l3');
    countReads();
    const book = old as LoanState;
    expect(await closeLoan(deps(), 'l3', book, decideLoan(monthEnd, book), monthEnd, '2026-01-31')).toBe(1);
    expect(reads).toBeGreaterThan(0);
    expect((await loanEvents(store, 'l3')).at(-1)?.type).toBe('InterestAccrued');
  });

  it('lets any other append failure through', async () => {
    await openLoan(store, 'l4');
    const book = await bookCopy('l4');
    store.append = () => Promise.reject(new Error('disk full'));
    await expect(closeLoan(deps(), 'l4', book, decideLoan(monthEnd, book), monthEnd, '2026-01-31')).rejects.toThrow('disk full');
  });
});
