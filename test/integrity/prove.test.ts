import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { anchoredLog, type IntegrityFixture } from './integrity-fixture.js';

let fixture: IntegrityFixture;
afterEach(() => fixture?.cleanup());

function eventIds(): string[] {
  const db = new Database(fixture.logFile, { readonly: true });
  const ids = db.prepare('SELECT event_id FROM events ORDER BY position').all() as { event_id: string }[];
  db.close();
  return ids.map((row) => row.event_id);
}

async function exportPublicKey(): Promise<string> {
  const { code, io } = await fixture.run('checkpoint', 'export');
  expect(code).toBe(0);
  const exported = JSON.parse(io.stdout.join('\n')) as { body: { sequence: string; position: string }; publicKey: string; signature: string };
  expect(exported.body).toMatchObject({ sequence: '1', position: '4' });
  const file = path.join(fixture.dir, 'public.pem');
  writeFileSync(file, exported.publicKey);
  return file;
}

describe('lendcore prove', () => {
  it('proves every event against the latest checkpoint, checkable with the public key alone', async () => {
    fixture = await anchoredLog();
    const publicKey = await exportPublicKey();
    for (const eventId of eventIds()) {
      const proved = await fixture.run('prove', eventId);
      expect(proved.code).toBe(0);
      const file = path.join(fixture.dir, `${eventId}.json`);
      writeFileSync(file, proved.io.stdout.join('\n'));
      const checked = await fixture.run('prove', '--check', file, '--public-key', publicKey);
      expect(checked.io.stderr).toEqual([]);
      expect(checked.io.stdout[0]).toContain(`proof holds: event ${eventId}`);
    }
  });

  it('refuses a proof whose event was altered, or checked with another key', async () => {
    fixture = await anchoredLog();
    const publicKey = await exportPublicKey();
    const eventId = eventIds()[0]!;
    const file = path.join(fixture.dir, 'proof.json');
    writeFileSync(file, (await fixture.run('prove', eventId)).io.stdout.join('\n'));
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('hit 0', 'hit 9'));
    let checked = await fixture.run('prove', '--check', file, '--public-key', publicKey);
    expect(checked.code).toBe(1);
    expect(checked.io.stderr).toEqual(['proof does NOT hold: the event does not hash to its hash']);

    writeFileSync(file, original);
    const other = await anchoredLog();
    try {
      const otherKey = path.join(other.dir, 'public.pem');
      writeFileSync(otherKey, (JSON.parse((await other.run('checkpoint', 'export')).io.stdout.join('\n')) as { publicKey: string }).publicKey);
      checked = await fixture.run('prove', '--check', file, '--public-key', otherKey);
      expect(checked.io.stderr).toEqual(['proof does NOT hold: the checkpoint signature does not verify with this public key']);
    } finally {
      other.cleanup();
    }
  });

  it('says when an event is newer than the latest checkpoint, and when it does not exist', async () => {
    fixture = await anchoredLog();
    expect((await fixture.run('prove', 'no-such-event')).io.stderr).toEqual(['lendcore prove failed: no event no-such-event in the log']);
    const checkpointAgain = await fixture.run('checkpoint');
    expect(checkpointAgain.io.stdout[0]).toMatch(/^checkpoint unchanged, latest is #1: position 4, 2 streams, root [0-9a-f]{64}$/);
  });

  it('carries the version-2 envelope, and refuses a proof whose event id or revision was changed outside it, or labelled /1', async () => {
    fixture = await anchoredLog();
    const publicKey = await exportPublicKey();
    const eventId = eventIds()[1]!;
    const file = path.join(fixture.dir, 'proof.json');
    const proof = JSON.parse((await fixture.run('prove', eventId)).io.stdout.join('\n')) as { format: string; event: { eventId: string; revision: string; content: Record<string, unknown> } };
    expect(proof.format).toBe('lendcore-inclusion-proof/2');
    expect(proof.event.content).toMatchObject({ hashVersion: 2, eventId, streamId: 'customer-1', revision: '1', correlationId: 'corr-1', causationId: null });
    const check = async (altered: unknown) => {
      writeFileSync(file, JSON.stringify(altered));
      return (await fixture.run('prove', '--check', file, '--public-key', publicKey)).io.stderr;
    };
    expect(await check({ ...proof, event: { ...proof.event, eventId: eventIds()[0] } })).toEqual([`proof does NOT hold: the content names event ${eventId}, not ${eventIds()[0]}`]);
    expect(await check({ ...proof, event: { ...proof.event, revision: '2' } })).toEqual(['proof does NOT hold: the content at revision 2 names customer-1 revision 1']);
    expect(await check({ ...proof, event: { ...proof.event, content: { ...proof.event.content, correlationId: 'forged' } } })).toEqual(['proof does NOT hold: the event does not hash to its hash']);
    expect(await check({ ...proof, format: 'lendcore-inclusion-proof/1' })).toEqual(['proof does NOT hold: a lendcore-inclusion-proof/1 document carries hash-version-1 contents only']);
  });
});
