import type { ProjectionStatus } from '../projection-status.js';
import type { MessageEndpoint } from './endpoint.js';
import { toWireError, toWireStatus, type ControlCall, type HostMessage, type ThreadMessage } from './messages.js';

/** What the projection thread runs: the ProjectionRunner, seen through the calls the host may make. */
export interface ServedRunner {
  status(): Promise<ProjectionStatus[]>;
  waitForPosition(name: string, position: bigint, timeoutMs: number): Promise<boolean>;
  rebuild(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** The HTTP thread appended: wake the live subscriptions instead of waiting for their poll. */
  onAppended(head: bigint): void;
  /** After the runner stopped on the host's request: close the stores before the reply goes out. */
  onStopped(): Promise<void>;
}

/** Answers every call from the host with exactly one reply (errors included), in the thread that runs `runner`. */
export function serveProjectionControl(endpoint: MessageEndpoint, runner: ServedRunner, options: ServeOptions): void {
  const reply = (message: ThreadMessage) => endpoint.postMessage(message);
  endpoint.on('message', (raw) => {
    const message = raw as HostMessage;
    if (message.kind === 'appended') return options.onAppended(BigInt(message.head));
    answer(message.call).then(
      (value) => reply({ kind: 'reply', id: message.id, ok: true, value }),
      (error: unknown) => reply({ kind: 'reply', id: message.id, ok: false, error: toWireError(error) }),
    );
  });

  async function answer(call: ControlCall) {
    switch (call.method) {
      case 'status':
        return (await runner.status()).map(toWireStatus);
      case 'waitForPosition':
        return runner.waitForPosition(call.name, BigInt(call.position), call.timeoutMs);
      case 'rebuild':
        await runner.rebuild(call.name);
        return null;
      case 'stop':
        await runner.stop();
        await options.onStopped();
        return null;
    }
  }
}
