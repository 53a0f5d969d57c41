import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyToken } from '../../src/api/auth/token.js';
import { main } from '../../src/cli/main.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { resolveSecrets } from '../../src/config/secrets.js';
import { loadConfig } from '../../src/config/config.js';
import { captureIo } from './cli-io.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function dataDirEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
  dirs.push(dir);
  return { LENDCORE_DATA_DIR: dir };
}

describe('lendcore --help', () => {
  it('lists every subcommand with its one-line summary', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    const help = io.stdout.join('\n');
    const lines = help.split('\n');
    for (const command of COMMANDS) expect(lines.some((l) => l.trim().startsWith(`${command.name} `) && l.endsWith(command.summary)), command.name).toBe(true);
    expect(COMMANDS.map((c) => c.name)).toEqual(expect.arrayContaining(['serve', 'token', 'verify', 'replay', 'project']));
  });

  it('prints help and exits 2 without a command', async () => {
    const io = captureIo();
    expect(await main([], io)).toBe(2);
    expect(io.stdout.join('\n')).toContain('usage: lendcore <command>');
  });

  it('refuses an unknown command with exit 2', async () => {
    const io = captureIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('unknown command "frobnicate"');
  });

  it("shows a command's usage on <command> --help", async () => {
    const io = captureIo();
    expect(await main(['token', '--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('usage: lendcore token --role');
  });
});

describe('lendcore token', () => {
  it('prints a token signed with the configured secret, carrying sub, role and customer', async () => {
    const env = dataDirEnv();
    const io = captureIo(env);
    expect(await main(['token', '--role', 'borrower', '--sub', 'u-1', '--customer', 'c-1', '--ttl', '1h'], io)).toBe(0);
    const { jwtSecret } = await resolveSecrets(loadConfig(env));
    expect(await verifyToken(io.stdout[0] ?? '', jwtSecret, new Date())).toEqual({ sub: 'u-1', role: 'borrower', customerId: 'c-1' });
  });

  it.each([
    [['token', '--sub', 'u'], '--role is required'],
    [['token', '--role', 'root', '--sub', 'u'], '--role must be one of'],
    [['token', '--role', 'borrower', '--sub', 'u'], 'a borrower token needs --customer'],
    [['token', '--role', 'admin', '--sub', 'u', '--ttl', 'forever'], 'ttl'],
    [['token', '--role', 'admin', '--sub', 'u', '--ttl', '9h'], 'above the maximum of 28800 s (LENDCORE_TOKEN_MAX_TTL)'],
    [['token', '--role', 'admin', '--sub', 'u', '--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 with the usage for %j', async (argv, message) => {
    const io = captureIo(dataDirEnv());
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(message);
    expect(io.stderr.join('\n')).toContain('usage: lendcore token');
  });

  it('exits 1 with the readable message on bad configuration', async () => {
    const io = captureIo({ ...dataDirEnv(), PORT: 'x' });
    expect(await main(['token', '--role', 'admin', '--sub', 'u'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('PORT: expected an integer from 0 to 65535');
  });
});
