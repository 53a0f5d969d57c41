import { describe, expect, it } from 'vitest';
import { handleCommand } from '../../src/commands/handle-command.js';
import { anchoredLogPerTest, flagging } from './integrity-fixture.js';

/**
 * A retried command is not recorded twice when its idempotency record is gone. The record sits in
 * a table beside the log; deleting its row (or the table) made a retried application record a
 * second time (a tamper test; repayments were safe by their reference). The events a command
 * records carry its Idempotency-Key and actor, so the store finds the first answer in the log.
 */
const each = anchoredLogPerTest();

async function flag(streamId: string, key: string, sub = 'officer-1') {
  const store = await each.store();
  return handleCommand({ store }, {
    streamId, decider: flagging, command: { reason: 'once' },
    context: { actor: { sub, role: 'officer' }, correlationId: 'c', occurredAt: '2025-03-02T10:00:00.000Z', idempotencyKey: key },
  });
}

async function restart(): Promise<void> {
  await each.closeStore();
}

describe.each([
  ['its row deleted', 'DELETE FROM idempotency'],
  ['the whole table dropped', 'DROP TABLE idempotency'],
])('a retried command whose idempotency record had %s', (_how, sql) => {
  it('answers the first result from the log and records nothing again', async () => {
    const first = await flag('customer-1', 'apply-1');
    expect(first).toMatchObject({ revision: 3n, replayed: false });
    await restart();
    each.log.tamper((db) => db.exec(sql));
    const retried = await flag('customer-1', 'apply-1');
    expect(retried).toMatchObject({ streamId: 'customer-1', revision: 3n, position: first.position, events: [], replayed: true });
    expect(await (await each.store()).streamRevision('customer-1')).toBe(3n);
  });

  it('still runs the same key from another subject, and a new key', async () => {
    await flag('customer-1', 'apply-1');
    await restart();
    each.log.tamper((db) => db.exec(sql));
    await expect(flag('customer-1', 'apply-1', 'officer:2')).resolves.toMatchObject({ revision: 4n, replayed: false });
    await expect(flag('customer-1', 'apply-2')).resolves.toMatchObject({ revision: 5n, replayed: false });
  });
});
