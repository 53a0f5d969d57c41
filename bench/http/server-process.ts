import type { ChildProcess } from 'node:child_process';
import { forkWorker, nextMessage } from '../child/spawn-worker.js';
import type { ServerMessage } from './serve.js';

export interface RunningServer {
  url: string;
  /** CPU time the server process has used so far, every thread, in µs. */
  cpuMicros(): Promise<number>;
  /** Stops the server and resolves with its peak RSS in MiB. */
  stop(): Promise<number>;
}

/**
 * Starts a server worker (`http/bare-server` or `http/lendcore-server`) and waits until it listens.
 * Both get the same LOG_LEVEL (default warn: per-request logs would measure the terminal, not us).
 */
export async function startServer(worker: string, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const child: ChildProcess = forkWorker(worker, [], { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env });
  const ready = await nextMessage<ServerMessage>(child);
  if (!('port' in ready)) throw new Error(`${worker} did not report a port`);
  return {
    url: `http://127.0.0.1:${ready.port}`,
    async cpuMicros() {
      const reply = nextMessage<ServerMessage>(child);
      child.send('cpu');
      const report = await reply;
      if (!('cpuMicros' in report)) throw new Error(`${worker} did not report its CPU time`);
      return report.cpuMicros;
    },
    async stop() {
      const done = nextMessage<ServerMessage>(child);
      child.send('stop');
      const report = await done;
      if (!('peakRssMiB' in report)) throw new Error(`${worker} did not report its memory`);
      return report.peakRssMiB;
    },
  };
}
