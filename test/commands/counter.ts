import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext } from '../../src/commands/command-context.js';
import type { Decider, DomainEvent } from '../../src/domain/decider.js';
import { DomainError } from '../../src/domain/errors.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';

/** A toy decider for the pipeline tests: a counter that refuses to go above a limit. */
export type CounterCommand = { type: 'increment'; by: number } | { type: 'touch' };
export type CounterEvent = DomainEvent<'CounterIncremented', { by: number }>;
export interface CounterState {
  count: number;
  increments: number;
}

export const counter: Decider<CounterCommand, CounterEvent, CounterState> = {
  initialState: () => ({ count: 0, increments: 0 }),
  decide(command, state) {
    if (command.type === 'touch') return [];
    if (state.count + command.by > 1_000_000) throw new DomainError('COUNTER_LIMIT', 'the counter would pass its limit');
    return [{ type: 'CounterIncremented', data: { by: command.by } }];
  },
  evolve: (state, event) => ({ count: state.count + event.data.by, increments: state.increments + 1 }),
};

export const context = (extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: { sub: 'officer-1', role: 'officer' },
  correlationId: 'corr-1',
  occurredAt: '2026-03-01T10:00:00.000Z',
  ...extra,
});

/** A fresh SQLite store in a temporary folder, removed again by `dispose`. */
export function temporaryStore(): { store: SqliteEventStore; dispose(): Promise<void> } {
  const folder = mkdtempSync(join(tmpdir(), 'lendcore-cmd-'));
  const store = SqliteEventStore.open({ path: join(folder, 'events.db') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
