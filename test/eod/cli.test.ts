import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/config.js';
import { openEventStore } from '../../src/runtime/open-stores.js';
import { captureIo } from '../cli/cli-io.js';
import { openLoan } from './book.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lendcore-eod-cli-'));
  dirs.push(dir);
  return dir;
}

describe('lendcore eod', () => {
  it('closes the date over the embedded store, projecting the book itself when no server runs, and prints the summary', async () => {
    const dir = dataDir();
    // Written as the server writes it, with the data dir's integrity key: a head without a MAC is not extended.
    const log = await openEventStore(loadConfig({ LENDCORE_DATA_DIR: dir }));
    await openLoan(log, 'a');
    await log.close();
    const io = captureIo({ LENDCORE_DATA_DIR: dir });
    expect(await main(['eod', '--date', '2026-02-16'], io)).toBe(0);
    expect(io.stdout).toEqual([expect.stringMatching(/^closed 2026-02-16: 1 loans scanned, 1 changed, 4 events appended in \d+\.\d s$/)]);
    expect(io.stderr.join('')).toContain('2026-02-16 (day 1/1)');
    const again = captureIo({ LENDCORE_DATA_DIR: dir });
    expect(await main(['eod', '--date', '2026-02-10'], again)).toBe(1);
    expect(again.stderr.join('\n')).toContain('before the last closed business date 2026-02-16');
  }, 20_000);

  it('exits 2 without --date, closing nothing (QA: it closed today)', async () => {
    const dir = dataDir();
    const io = captureIo({ LENDCORE_DATA_DIR: dir });
    expect(await main(['eod'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--date YYYY-MM-DD is required');
    expect(io.stdout).toEqual([]);
    expect(readdirSync(dir)).toEqual([]); // no store opened
  });

  it('exits 2 for a date that is not a calendar date', async () => {
    const io = captureIo({ LENDCORE_DATA_DIR: dataDir() });
    expect(await main(['eod', '--date', '2026-02-30'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--date 2026-02-30 is not a real YYYY-MM-DD date');
  });
});
