import { describe, expect, it } from 'vitest';
import { anchoredLogPerTest, rehashStream } from './integrity-fixture.js';

/**
 * A forgery stays a forgery: neither an append nor a checkpoint adopts a head no store wrote (stop
 * 37's tamper test). Before, a chain rehashed from an edited amount by someone with file access
 * and no key (head MAC left stale, or cleared) was re-MACed by the next append and signed by the
 * next checkpoint (the server writes one at start, every few minutes and at stop), after which
 * `lendcore verify` answered "verify ok" and `lendcore prove` proved the forged event.
 */
const each = anchoredLogPerTest();

const flagged = (n: number) => ({
  type: 'CustomerFlagged', data: { flag: 'aml', reason: `later ${n}` }, occurredAt: '2025-03-02T10:00:00.000Z',
  actor: { sub: 'officer-1', role: 'officer' as const }, correlationId: `later-${n}`,
});

/** An edited event, its chain rehashed to the head, as one who knows the scheme but not the key does; `clearMac` also empties the head's MAC. */
function forge(clearMac: boolean): void {
  each.log.tamper((db) => {
    db.prepare(`UPDATE events SET data = '{"flag":"aml","reason":"forged"}' WHERE stream_id = 'customer-1' AND revision = 1`).run();
    rehashStream(db, 'customer-1', 1n);
    if (clearMac) db.prepare(`UPDATE streams SET mac = NULL WHERE stream_id = 'customer-1'`).run();
  });
}

describe.each([['left stale', false], ['cleared', true]])('a chain rehashed from an edited event, its head MAC %s', (_how, clearMac) => {
  it('is not extended by the next append (409 STREAM_HEAD_UNAUTHENTICATED), and other streams still are', async () => {
    forge(clearMac);
    const s = await each.store();
    await expect(s.append('customer-1', [flagged(1)], 'any')).rejects.toMatchObject({ code: 'STREAM_HEAD_UNAUTHENTICATED', kind: 'conflict' });
    await expect(s.append('customer-2', [flagged(2)], 'any')).resolves.toMatchObject({ revision: 1n });
  });

  it('is not signed by a checkpoint once the log moves on, and verify still names it', async () => {
    forge(clearMac);
    const s = await each.store();
    await s.append('customer-2', [flagged(2)], 'any');
    await each.closeStore();
    const signed = await each.log.run('checkpoint');
    expect(signed.code).toBe(1);
    expect(signed.io.stderr.join('\n')).toContain('refusing to sign a checkpoint: 1 stream head(s) fail their MAC (customer-1)');
    const verified = await each.log.run('verify');
    expect(verified.code).toBe(1);
    expect(verified.io.stderr.join('\n')).toContain('BROKEN customer-1 at revision 2');
    expect(verified.io.stderr.join('\n')).toContain('head_unauthenticated');
  });

  it('is not signed after checkpoints.db is deleted either', async () => {
    forge(clearMac);
    const { rmSync } = await import('node:fs');
    rmSync(`${each.log.dir}/checkpoints.db`);
    expect((await each.log.run('checkpoint')).code).toBe(1);
    expect((await each.log.run('checkpoint', '--trust-heads-without-mac')).code).toBe(clearMac ? 0 : 1);
  });
});

describe('a head without a MAC (a log from before head MACs)', () => {
  const clearMacs = () => each.log.tamper((db) => db.prepare('UPDATE streams SET mac = NULL').run());

  it('is extended while it is the head the latest checkpoint anchored, and then carries a MAC', async () => {
    clearMacs();
    const s = await each.store();
    await expect(s.append('customer-1', [flagged(1)], 'any')).resolves.toMatchObject({ revision: 3n });
    await each.closeStore();
    expect((await each.log.run('checkpoint')).code).toBe(0);
    expect((await each.log.run('verify')).io.stderr).toEqual([]);
  });

  it('is signed unanchored only when the operator says so, and a wrong MAC never is', async () => {
    const { rmSync } = await import('node:fs');
    clearMacs();
    rmSync(`${each.log.dir}/checkpoints.db`);
    expect((await each.log.run('checkpoint')).code).toBe(1);
    const trusted = await each.log.run('checkpoint', '--trust-heads-without-mac');
    expect(trusted.io.stderr).toEqual([]);
    expect(trusted.code).toBe(0);
    each.log.tamper((db) => db.prepare(`UPDATE streams SET mac = 'ab' WHERE stream_id = 'customer-2'`).run());
    const s = await each.store();
    await expect(s.append('customer-2', [flagged(3)], 'any')).rejects.toMatchObject({ code: 'STREAM_HEAD_UNAUTHENTICATED' });
  });
});
