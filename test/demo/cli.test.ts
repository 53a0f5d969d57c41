import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cli/cli-io.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lendcore-demo-cli-'));
  dirs.push(dir);
  return dir;
}

describe('lendcore demo', () => {
  it.each([['--customers', '0'], ['--months', 'x'], ['--seed', '1.5']])('exits 2 for %s %s', async (flag, value) => {
    const io = captureIo({ LENDCORE_DATA_DIR: dataDir() });
    expect(await main(['demo', flag, value], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(`${flag} must be a whole number`);
  });

  it('seeds a small book and prints the summary', async () => {
    const io = captureIo({ LENDCORE_DATA_DIR: dataDir() });
    expect(await main(['demo', '--customers', '4', '--months', '1', '--seed', '3'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^demo: 4 customers, loans by status: .+; \d+ repayments, \d+ events, /);
  }, 30_000);
});
