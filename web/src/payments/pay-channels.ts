import { ApiProblem } from '../api/problem.js';

/** The channels a borrower may pay through (POST /v1/loans/:id/payment-intents `channel`), in the order offered. */
export const PAY_CHANNELS = ['sandbox', 'alipay', 'wechat'] as const;
export type PayChannel = (typeof PAY_CHANNELS)[number];

/**
 * The channels known not to be configured on this server after an intent attempt through `tried`
 * ended in `error`: the server says so only by refusing one (422 CHANNEL_NOT_CONFIGURED; no endpoint
 * lists them), so the pay form drops a channel once refused instead of offering it again (QA W9).
 */
export function unconfiguredAfter(unconfigured: readonly PayChannel[], tried: PayChannel, error: unknown): PayChannel[] {
  const refused = error instanceof ApiProblem && error.code === 'CHANNEL_NOT_CONFIGURED';
  return refused && !unconfigured.includes(tried) ? [...unconfigured, tried] : [...unconfigured];
}

/** The channels still offered: every channel not known to be unconfigured. */
export function offeredChannels(unconfigured: readonly PayChannel[]): PayChannel[] {
  return PAY_CHANNELS.filter((c) => !unconfigured.includes(c));
}
