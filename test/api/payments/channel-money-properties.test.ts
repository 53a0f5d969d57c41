import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../../src/domain/decimal.js';
import { sandboxNotification } from '../../../src/payments/sandbox/sandbox-gateway.js';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { activeLoan, defineProduct, verifiedCustomer } from '../commands/journey-steps.js';
import { deliver, sandboxPrivateKey } from './payment-fixtures.js';

let t: TestApp;
let productId: string;
let today: string;
let run = 0;
/** Every amount a channel confirmed (and got acknowledged) over all runs, all on today's online channel. */
let confirmedTotal = new Dec(0);

type Step =
  | { kind: 'intent'; amount: number }
  | { kind: 'officerPays'; amount: number }
  | { kind: 'payoff' }
  | { kind: 'writeOff' }
  | { kind: 'gatewayPays'; intent: number; amount: number | 'as-intended'; deliveries: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('intent' as const), amount: fc.integer({ min: 1, max: 3000 }) }),
  fc.record({ kind: fc.constant('officerPays' as const), amount: fc.integer({ min: 1, max: 3000 }) }),
  fc.record({ kind: fc.constant('payoff' as const) }),
  fc.record({ kind: fc.constant('writeOff' as const) }),
  fc.record({
    kind: fc.constant('gatewayPays' as const), intent: fc.nat(4),
    // Amounts a borrower may really send: the intent's, another small one, or far more than any loan here ever owes.
    amount: fc.oneof(fc.constant('as-intended' as const), fc.integer({ min: 1, max: 3000 }), fc.constant(50_000)), deliveries: fc.integer({ min: 1, max: 2 }),
  }),
);

const cents = (n: number) => n.toFixed(2);

/** Runs one interleaving on a fresh loan; returns the references and amounts the channel confirmed. */
async function interleave(steps: Step[]): Promise<{ loanId: string; confirmed: Map<string, string> }> {
  run += 1;
  const customerId = `cust-prop-${run}`;
  await verifiedCustomer(t, customerId);
  const loanId = await activeLoan(t, customerId, productId, '2026-01-15', '10000.00');
  const intents: { id: string; amount: string }[] = [];
  const confirmed = new Map<string, string>();
  let officerRef = 0;
  for (const s of steps) {
    if (s.kind === 'intent') {
      const res = await t.call(borrower(customerId), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount: cents(s.amount), channel: 'sandbox' });
      if (res.statusCode === 201) intents.push({ id: (JSON.parse(res.body) as { id: string }).id, amount: cents(s.amount) });
    } else if (s.kind === 'officerPays') {
      await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: cents(s.amount), channel: 'bank_transfer', reference: `OFF-${run}-${(officerRef += 1)}`, effectiveDate: today });
    } else if (s.kind === 'payoff') {
      const quote = await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff?date=${today}`);
      if (quote.statusCode === 200) {
        const { total } = JSON.parse(quote.body) as { total: string };
        await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: total, channel: 'bank_transfer', reference: `OFF-${run}-${(officerRef += 1)}`, effectiveDate: today });
      }
    } else if (s.kind === 'writeOff') {
      const requested = await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/write-off`, { action: 'request', reason: 'unreachable', effectiveDate: today });
      if (requested.statusCode < 300) await t.call(STAFF.underwriter, 'POST', `/v1/loans/${loanId}/write-off`, { action: 'approve', effectiveDate: today });
    } else {
      const intent = intents[s.intent];
      if (intent === undefined) continue;
      const reference = `SBX-${intent.id}`;
      // One provider transaction per intent: a later "payment" of a paid intent is that transaction redelivered.
      const amount = confirmed.get(reference) ?? (s.amount === 'as-intended' ? intent.amount : cents(s.amount));
      for (let i = 0; i < s.deliveries; i++) {
        const res = await deliver(t, 'sandbox', sandboxNotification(sandboxPrivateKey(t), { intentId: intent.id, amount, outcome: 'paid' }, new Date()));
        // The provider is always acknowledged: the money is recorded somewhere.
        expect(res.statusCode, res.body).toBe(200);
      }
      if (!confirmed.has(reference)) confirmedTotal = confirmedTotal.plus(amount);
      confirmed.set(reference, amount);
    }
  }
  return { loanId, confirmed };
}

beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
  today = (JSON.parse((await t.call(STAFF.officer, 'GET', '/v1/business-date')).body) as { date: string }).date;
});
afterAll(() => t.close());

describe('money a channel confirms, whatever happened to the loan meanwhile', () => {
  it('appears exactly once, in the loan\'s receipts or in suspense, and the reconciliation totals are the channel\'s', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 7 }), async (steps) => {
      const { loanId, confirmed } = await interleave(steps);
      const position = (await t.runtime.eventStore.headPosition()).toString();
      const events = await t.runtime.eventStore.readStream(`loan-${loanId}`);
      const receipts = events.filter((e) => e.type === 'RepaymentReceived' || e.type === 'RecoveryReceived').map((e) => e.data as { reference: string; amount: string });
      const queue = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payments/suspense?limit=200&minPosition=${position}`)).body) as { items: { id: string; amount: string; reason: string }[] };
      for (const [reference, amount] of confirmed) {
        const places = [...receipts.filter((r) => r.reference === reference), ...queue.items.filter((i) => i.id === reference)];
        expect(places, `${reference} on loan ${loanId}`).toHaveLength(1);
        expect(new Dec(places[0]!.amount).equals(amount)).toBe(true);
        // Suspense only for money no loan standing can take: never for a loan that is merely closed, overpaid or written off.
        expect(queue.items.find((i) => i.id === reference)?.reason ?? '').not.toMatch(/^LOAN_NOT_(ACTIVE|WRITTEN_OFF|REPAYABLE)$/);
      }
      const report = JSON.parse((await t.call(STAFF.compliance, 'GET', `/v1/reports/payments/reconciliation?date=${today}&channel=online&minPosition=${position}`)).body) as {
        channels: { direction: string; confirmed: { total: string }; recorded: { total: string }; differences: { status: string; confirmedAmount: string | null }[] }[];
      };
      const online = report.channels.find((c) => c.direction === 'in');
      expect(new Dec(online?.confirmed.total ?? '0').equals(confirmedTotal)).toBe(true);
      // What the loans did not record is exactly what waits in suspense: confirmed, not recorded.
      const suspended = (online?.differences ?? []).reduce((sum, d) => (d.status === 'confirmed-not-recorded' ? sum.plus(d.confirmedAmount ?? '0') : sum), new Dec(0));
      expect(new Dec(online?.recorded.total ?? '0').plus(suspended).equals(confirmedTotal)).toBe(true);
      expect((online?.differences ?? []).every((d) => d.status === 'confirmed-not-recorded')).toBe(true);
    }), { numRuns: 12 });
  });
});
