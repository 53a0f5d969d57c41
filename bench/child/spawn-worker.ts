import { fork, type ChildProcess } from 'node:child_process';

/**
 * Forks a compiled bench worker (`dist/bench/<path>.js`) with an IPC channel. The worker runs in its
 * own process so its timing and peak RSS are not polluted by the harness or the load generator.
 */
export function forkWorker(path: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const script = new URL(`../${path}.js`, import.meta.url);
  return fork(script, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Resolves with the first IPC message, rejects if the worker exits or errors before sending one. */
export function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`worker exited with code ${String(code)} before reporting`));
    child.once('error', reject);
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      child.off('error', reject);
      resolve(message as T);
    });
  });
}

/** Forks a worker that does one job, reports one message and exits; resolves with that message. */
export async function runWorker<T>(path: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<T> {
  const child = forkWorker(path, args, env);
  const message = await nextMessage<T>(child);
  await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  return message;
}

/** Peak resident set size of this process so far, in MiB (resourceUsage reports KiB). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
