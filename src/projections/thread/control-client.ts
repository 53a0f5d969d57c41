import type { ProjectionStatus } from '../projection-status.js';
import { fromWireError, fromWireStatus, type ControlCall, type HostMessage, type ThreadMessage, type WireStatus } from './messages.js';

interface PendingCall {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The host's half of the protocol: turns calls into messages and replies back into results. Every
 * call settles: with its reply, or with the error given to `abandon` when the thread is gone.
 */
export class ControlClient {
  private nextId = 1;
  private readonly pending = new Map<number, PendingCall>();

  constructor(private readonly send: (message: HostMessage) => void) {}

  async status(): Promise<ProjectionStatus[]> {
    return ((await this.call({ method: 'status' })) as WireStatus[]).map(fromWireStatus);
  }

  async waitForPosition(name: string, position: bigint, timeoutMs: number): Promise<boolean> {
    return (await this.call({ method: 'waitForPosition', name, position: position.toString(), timeoutMs })) as boolean;
  }

  async rebuild(name: string): Promise<void> {
    await this.call({ method: 'rebuild', name });
  }

  /** Stops the runner and closes the thread's stores; the thread may be ended once this resolves. */
  async stop(): Promise<void> {
    await this.call({ method: 'stop' });
  }

  appended(head: bigint): void {
    this.send({ kind: 'appended', head: head.toString() });
  }

  /** Settles the call a reply answers; other messages are not the client's. */
  receive(message: ThreadMessage): void {
    if (message.kind !== 'reply') return;
    const call = this.pending.get(message.id);
    if (!call) return;
    this.pending.delete(message.id);
    if (message.ok) call.resolve(message.value);
    else call.reject(fromWireError(message.error));
  }

  /** Rejects every call still waiting for a reply (the thread died or was ended). */
  abandon(error: Error): void {
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }

  private call(call: ControlCall): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.send({ kind: 'call', id, call });
    });
  }
}
