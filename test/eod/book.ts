import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { handleCommand } from '../../src/commands/handle-command.js';
import type { Actor } from '../../src/domain/actor.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import { loanDecider } from '../../src/domain/loan/decider.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import type { ProductTerms } from '../../src/domain/product/events.js';
import type { EventStore } from '../../src/eventstore/port.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import type { ProjectionRunner } from '../../src/projections/runner.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { createProjectionRunner } from '../../src/runtime/projections.js';
import { approveCommand, assessment, submitCommand, terms } from '../domain/loan/fixtures.js';

export const OFFICER: Actor = { sub: 'officer-1', role: 'officer' };
export const EOD_ACTOR: Actor = { sub: 'close-of-business', role: 'system' };

/** Real SQLite stores in a temp dir with the projectors running, as `lendcore serve` has them. */
export interface Book {
  eventStore: SqliteEventStore;
  readStore: SqliteReadStore;
  runner: ProjectionRunner;
  close(): Promise<void>;
}

export async function openBook(): Promise<Book> {
  const dir = mkdtempSync(join(tmpdir(), 'lendcore-eod-'));
  const eventStore = SqliteEventStore.open({ path: join(dir, 'events.db'), pollMs: 5 });
  const readStore = SqliteReadStore.open({ path: join(dir, 'read.db') });
  const runner = createProjectionRunner({ eventStore, readStore, registry: new Registry() });
  await runner.start();
  return {
    eventStore, readStore, runner,
    async close() {
      await runner.stop();
      await readStore.close();
      await eventStore.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function runLoanCommand(store: EventStore, loanId: string, command: LoanCommand, actor: Actor = OFFICER, date = '2026-01-15'): Promise<void> {
  await handleCommand({ store }, {
    streamId: `loan-${loanId}`, decider: loanDecider, command,
    context: { actor, correlationId: `test-${loanId}`, occurredAt: `${date}T10:00:00.000Z` },
  });
}

/** A loan applied for, assessed, approved by a second person and disbursed on 2026-01-15 (first due 2026-02-15). */
export async function openLoan(store: EventStore, loanId: string, principal = '100000.00', productTerms: ProductTerms = terms): Promise<void> {
  await runLoanCommand(store, loanId, submitCommand({ loanId, principal }, productTerms));
  await runLoanCommand(store, loanId, assessment);
  await runLoanCommand(store, loanId, approveCommand, { sub: 'uw-1', role: 'underwriter' });
  await runLoanCommand(store, loanId, { type: 'Disburse', data: { effectiveDate: '2026-01-15', channel: 'bank_transfer' } });
}

/** The loan's events as the decider sees them, with the business date each was recorded on. */
export async function loanEvents(store: EventStore, loanId: string): Promise<(LoanEvent & { on: string })[]> {
  const recorded = await store.readStream(`loan-${loanId}`);
  return recorded.map((e) => ({ type: e.type, data: e.data, on: e.occurredAt.slice(0, 10) }) as LoanEvent & { on: string });
}
