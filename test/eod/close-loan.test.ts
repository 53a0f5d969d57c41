import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endOfBusinessDay } from '../../src/app/business-date.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import { closeLoan } from '../../src/eod/close-loan.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { EOD_ACTOR, loanEvents, openLoan, runLoanCommand } from './book.js';

const monthEnd: LoanCommand = { type: 'CloseBusinessDay', data: { date: '2026-01-31' } };

describe('closeLoan', () => {
  let dir: string;
  let store: SqliteEventStore;
  const deps = () => ({ eventStore: store, actor: EOD_ACTOR, correlationId: 'eod-test' });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lendcore-close-loan-'));
    store = SqliteEventStore.open({ path: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes the loan through the command pipeline at the end of the business day, with its position', async () => {
    await openLoan(store, 'l1');
    const closed = await closeLoan(deps(), 'l1', monthEnd, endOfBusinessDay('2026-01-31'));
    expect(closed.events).toBe(1);
    const [last] = await store.readStream('loan-l1', { direction: 'backwards', maxCount: 1 });
    expect(last).toMatchObject({ revision: 4n, type: 'InterestAccrued', occurredAt: '2026-01-31T23:59:59.999+08:00', actor: EOD_ACTOR, correlationId: 'eod-test' });
    expect(closed.position).toBe(last?.position);
  });

  it('appends nothing for a loan already closed for the date, however it got there', async () => {
    await openLoan(store, 'l2');
    await runLoanCommand(store, 'l2', monthEnd, EOD_ACTOR, '2026-01-31');
    expect(await closeLoan(deps(), 'l2', monthEnd, endOfBusinessDay('2026-01-31'))).toEqual({ events: 0, position: null });
    expect((await loanEvents(store, 'l2')).filter((e) => e.type === 'InterestAccrued')).toHaveLength(1);
  });

  it('lets an append failure through', async () => {
    await openLoan(store, 'l4');
    store.append = () => Promise.reject(new Error('disk full'));
    await expect(closeLoan(deps(), 'l4', monthEnd, endOfBusinessDay('2026-01-31'))).rejects.toThrow('disk full');
  });
});
