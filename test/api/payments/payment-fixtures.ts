import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { RecordedEvent } from '../../../src/eventstore/port.js';
import { SANDBOX_KEY_FILE } from '../../../src/payments/sandbox/sandbox-keys.js';
import type { TestApp } from '../../support/test-app.js';

/** The sandbox gateway's private key, as generated into the test's data dir. */
export function sandboxPrivateKey(t: TestApp): KeyObject {
  return createPrivateKey(readFileSync(path.join(t.dataDir, SANDBOX_KEY_FILE), 'utf8'));
}

/** The loan's RepaymentReceived events, straight from the log. */
export async function repaymentsOf(t: TestApp, loanId: string): Promise<RecordedEvent[]> {
  const events = await t.runtime.eventStore.readStream(`loan-${loanId}`);
  return events.filter((e) => e.type === 'RepaymentReceived');
}

/** POSTs a notification as a provider would: exact body text with its headers. */
export function deliver(t: TestApp, channel: string, notification: { headers: Record<string, string>; body: string }) {
  return t.runtime.app.inject({ method: 'POST', url: `/v1/payments/notify/${channel}`, headers: notification.headers, payload: notification.body });
}
