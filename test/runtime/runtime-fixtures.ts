import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/api/logger.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import type { EventStore, NewEvent } from '../../src/eventstore/port.js';

const dirs: string[] = [];

/** A fresh data dir with embedded stores; removed by `removeDataDirs`. */
export function tempConfig(env: NodeJS.ProcessEnv = {}): Config {
  const dir = mkdtempSync(path.join(tmpdir(), 'lendcore-runtime-'));
  dirs.push(dir);
  return loadConfig({ LENDCORE_DATA_DIR: dir, LENDCORE_JWT_SECRET: 'f3a1c9e07b2d4c68a5e19f0d7c3b2a8e'.repeat(2), LENDCORE_SQLITE_SYNCHRONOUS: 'NORMAL', ...env });
}

export function removeDataDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A logger whose JSON lines land in `lines`. */
export function capturingLogger(lines: string[]) {
  return createLogger('info', new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) }));
}

const event = (type: string, data: unknown): NewEvent => ({
  type, data, occurredAt: '2025-03-01T10:00:00.000Z', actor: { sub: 'officer-1', role: 'officer' }, correlationId: 'corr-1',
});

/** Appends a customer's registration (every projection applies it or passes it by) and returns the new head. */
export async function appendCustomer(store: EventStore, customerId: string): Promise<bigint> {
  const registered = event('CustomerRegistered', { customerId, profile: {}, registeredBy: 'officer' });
  return (await store.append(`customer-${customerId}`, [registered], 'no_stream')).position;
}

/** Appends an event type no catalog knows: every projection stops on it with an error. */
export async function appendUnknownEvent(store: EventStore): Promise<bigint> {
  return (await store.append('customer-bad', [event('NotInTheCatalog', {})], 'any')).position;
}

/** Re-checks `condition` until it holds; throws after `timeoutMs` (a bound on a wait, not a measured figure). */
export async function eventually<T>(condition: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
