import { afterAll, beforeAll } from 'vitest';
import type { RecordedEvent } from '../../../src/eventstore/port.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, verifiedCustomer } from '../commands/journey-steps.js';
import { otherProcess } from './other-process.js';

export interface RaceApps { t: TestApp; other: Awaited<ReturnType<typeof otherProcess>>; productId: string }

/** The app under test and a second process on its log, with a product and the verified customer `customerId`, for race tests. */
export async function openRaceApps(customerId: string): Promise<RaceApps> {
  const t = await openTestApp();
  const other = await otherProcess(t);
  const productId = await defineProduct(t);
  await verifiedCustomer(t, customerId);
  return { t, other, productId };
}

export async function closeRaceApps({ t, other }: Pick<RaceApps, 't' | 'other'>): Promise<void> {
  await other.close();
  await t.close();
}

/**
 * The suite's race apps (openRaceApps), opened before its tests and closed after them. The object
 * is filled in by the suite's beforeAll: read `race.t`, `race.other`, `race.productId` inside tests,
 * hooks and the helpers they call, never at module level.
 */
export function raceAppsForSuite(customerId: string): RaceApps {
  const race = {} as RaceApps;
  beforeAll(async () => {
    Object.assign(race, await openRaceApps(customerId));
  });
  afterAll(() => closeRaceApps(race));
  return race;
}

/** A disbursed loan an officer's oversized repayment left overpaid; returns its id and credit balance. */
export async function overpaidLoan(t: TestApp, customerId: string, productId: string, id: string): Promise<{ loanId: string; credit: string }> {
  const loanId = await activeLoan(t, customerId, productId, '2026-01-15', '5000.00', id);
  accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '8000.00', channel: 'bank_transfer', reference: `OVER-${id}`, effectiveDate: '2026-01-20', overpayment: true }));
  return { loanId, credit: (await refundDesk(t, loanId)).creditBalance };
}

/** The loan's RefundIssued events, straight from the log. */
export async function refundsOf(t: TestApp, loanId: string): Promise<RecordedEvent[]> {
  return (await t.runtime.eventStore.readStream(`loan-${loanId}`)).filter((e) => e.type === 'RefundIssued');
}

export interface RefundDesk { creditBalance: string; reserved: string; refundable: string; items: { id: string; status: string }[] }

/** GET /v1/loans/:id/refunds as an officer. */
export async function refundDesk(t: TestApp, loanId: string): Promise<RefundDesk> {
  return JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/refunds`)).body) as RefundDesk;
}

/**
 * Four eyes on money out: the officer starts a refund payout and a second person (the underwriter)
 * approves it, which sends it. Answers the approval (status, actionUrl as the channel answered), or
 * the start's own refusal when it was refused.
 */
export async function startApprovedPayout(t: TestApp, loanId: string, body: Record<string, unknown>, headers?: Record<string, string>) {
  const started = await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refunds`, body, headers);
  if (started.statusCode !== 201) return started;
  const { id } = JSON.parse(started.body) as { id: string };
  return t.call(STAFF.underwriter, 'POST', `/v1/payouts/${id}/approval`, {});
}
