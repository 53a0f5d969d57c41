import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ConsoleServer {
  baseUrl: string;
  /** The development mailbox (`lendcore outbox --to`): the newest message's 6-digit code for a phone or e-mail. */
  codeSentTo(recipient: string): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer /health:\n${output()}`);
}

/**
 * The built server (dist/) on a random port with a fresh data dir, LENDCORE_ENV=development and the sandbox payment
 * channel on (its confirm page linked at this port), plus `env` (e.g. a provider's configuration); `stop` kills it and removes the dir.
 */
export async function startConsoleServer(env: NodeJS.ProcessEnv = {}): Promise<ConsoleServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lendcore-browser-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/cli/main.js', 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LENDCORE_DATA_DIR: dataDir, LENDCORE_ENV: 'development', LOG_LEVEL: 'warn',
      LENDCORE_PAYMENTS_SANDBOX: 'on', LENDCORE_PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => log);
  return {
    baseUrl,
    codeSentTo: (recipient) => {
      const listing = execFileSync(process.execPath, ['dist/src/cli/main.js', 'outbox', '--to', recipient, '--limit', '1'], {
        env: { ...process.env, LENDCORE_DATA_DIR: dataDir, LENDCORE_ENV: 'development', LOG_LEVEL: 'warn' }, encoding: 'utf8',
      });
      const code = /\b(\d{6})\b/.exec(listing)?.[1];
      if (code === undefined) throw new Error(`no code in the outbox for ${recipient}: ${listing}`);
      return code;
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
