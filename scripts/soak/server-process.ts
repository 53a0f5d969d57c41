import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A `lendcore serve` child process on loopback. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** SIGKILL, no shutdown hooks; resolves once the process is gone. */
  crash(): Promise<void>;
  /** SIGTERM (graceful close), then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
  /** Everything the process wrote to stderr, for failure messages. */
  stderr(): string;
}

export interface ServerOptions {
  /** Repository root holding dist/src/cli/main.js (run `npm run build` first). */
  root: string;
  dataDir: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

const LISTENING = /lendcore listening on (http:\/\/127\.0\.0\.1:\d+)/;
const live = new Set<ChildProcess>();

// A harness that dies (assertion, Ctrl-C) must not leave servers holding the data dir.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Starts `node dist/src/cli/main.js serve` on 127.0.0.1 and an OS-chosen port; resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, [path.join(options.root, 'dist/src/cli/main.js'), 'serve'], {
    cwd: options.root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...options.env, HOST: '127.0.0.1', PORT: '0', LENDCORE_DATA_DIR: options.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    live.delete(child);
    resolve();
  }));
  const url = await listeningUrl(child, exited, options.startTimeoutMs ?? 30_000, () => stderr);
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    pid: child.pid ?? -1,
    crash: () => kill('SIGKILL'),
    async stop(graceMs = 10_000) {
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await kill('SIGTERM');
      clearTimeout(timer);
    },
    stderr: () => stderr,
  };
}

function listeningUrl(child: ChildProcess, exited: Promise<void>, timeoutMs: number, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not listen within ${timeoutMs} ms\n${stderr()}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = LISTENING.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening (code ${child.exitCode})\n${stderr()}`));
    });
  });
}
