import { describe, expect, it } from 'vitest';
import { handleCommand } from '../../src/commands/handle-command.js';
import { anchoredLogPerTest, flagging, rehashStream, type IntegrityFixture } from './integrity-fixture.js';

/**
 * No new fact is chained onto a forged history. An event edited in the middle of a stream leaves
 * the head row and its MAC as the store wrote them, so the append's head check passed and the
 * server kept taking commands on the stream (a tamper test: /ready said 503, commands
 * still appended). A command now checks the chain of the events it folds, from its snapshot (or
 * the stream's start) to the authenticated head, and is refused with 409 STREAM_HISTORY_BROKEN.
 */
const each = anchoredLogPerTest();

async function flag(streamId: string, snapshotEvery?: number) {
  const store = await each.store();
  return handleCommand({ store }, {
    streamId, decider: flagging, command: { reason: 'later' },
    context: { actor: { sub: 'officer-1', role: 'officer' }, correlationId: 'c', occurredAt: '2025-03-02T10:00:00.000Z' },
    ...(snapshotEvery === undefined ? {} : { snapshot: { every: snapshotEvery, version: 1 } }),
  });
}

const editMiddle = (db: Parameters<Parameters<IntegrityFixture['tamper']>[0]>[0]) =>
  db.prepare(`UPDATE events SET data = '{"flag":"aml","reason":"forged"}' WHERE stream_id = 'customer-1' AND revision = 1`).run();

describe('a command on a stream whose history was edited behind the store', () => {
  it('is refused (409 STREAM_HISTORY_BROKEN) when an event in the middle no longer hashes, and appends nothing', async () => {
    each.log.tamper(editMiddle);
    await expect(flag('customer-1')).rejects.toMatchObject({ code: 'STREAM_HISTORY_BROKEN', kind: 'conflict', details: { streamId: 'customer-1', revision: 1n } });
    expect(await (await each.store()).streamRevision('customer-1')).toBe(2n);
    await expect(flag('customer-2')).resolves.toMatchObject({ revision: 1n });
  });

  it('is refused when the edited chain was rehashed but the head row (and its MAC) left as the store wrote it', async () => {
    each.log.tamper((db) => {
      const head = db.prepare<[], { last_hash: string }>(`SELECT last_hash FROM streams WHERE stream_id = 'customer-1'`).get()!;
      editMiddle(db);
      rehashStream(db, 'customer-1', 1n);
      db.prepare(`UPDATE streams SET last_hash = ? WHERE stream_id = 'customer-1'`).run(head.last_hash);
    });
    await expect(flag('customer-1')).rejects.toMatchObject({ code: 'STREAM_HISTORY_BROKEN', details: { revision: 2n } });
  });

  it('is refused when an edit falls in the tail after the stream\'s snapshot, and runs on an intact stream', async () => {
    await expect(flag('customer-1', 1)).resolves.toMatchObject({ revision: 3n, state: 4 });
    await expect(flag('customer-1', 100)).resolves.toMatchObject({ revision: 4n, state: 5 });
    await each.closeStore();
    each.log.tamper((db) => db.prepare(`UPDATE events SET data = '{"flag":"aml","reason":"forged"}' WHERE stream_id = 'customer-1' AND revision = 4`).run());
    await expect(flag('customer-1', 100)).rejects.toMatchObject({ code: 'STREAM_HISTORY_BROKEN', details: { revision: 4n } });
  });
});
