import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RefundChannel } from '../../src/domain/loan/events.js';
import { minorUnits } from '../../src/domain/money.js';
import type { IntentChannel } from '../../src/domain/payment/events.js';
import type { PayoutChannel } from '../../src/domain/payout/events.js';
import { formatMinor } from '../../src/domain/schedule/minor-units.js';
import { payoutReconciliationProjection, REFUNDED_AS } from '../../src/projections/models/payments/payout-reconciliation.js';
import { reconciliationProjection } from '../../src/projections/models/payments/reconciliation.js';
import type { ReadStore } from '../../src/readstore/port.js';
import { paymentReconciliation, type ChannelReconciliation } from '../../src/reports/payment-reconciliation.js';
import { EventLog, FakeContext, project } from '../projections/models/fake-context.js';

/**
 * For any mix of money in and out in CNY, JPY and USD, each currency's totals are exactly the sums of
 * that currency's payments: nothing paid in one currency is ever added to another's.
 */
const CURRENCIES = ['CNY', 'JPY', 'USD'] as const;
type Currency = typeof CURRENCIES[number];
const DAY = '2026-03-10';
const AT = `${DAY}T02:00:00.000Z`;
const RECORDED_AS: Record<IntentChannel, RefundChannel> = { alipay: 'alipay', wechat: 'wechat', sandbox: 'online' };

const currency = fc.constantFrom(...CURRENCIES);
const minor = fc.integer({ min: 1, max: 10_000_000 });
const payment = fc.oneof(
  // Confirmed by the provider and recorded on the loan, in the loan's currency.
  fc.record({ kind: fc.constant('paid' as const), loan: currency, channel: fc.constantFrom<IntentChannel>('alipay', 'wechat', 'sandbox'), minor }),
  // Confirmed into suspense, paid in `paidIn` (CURRENCY_MISMATCH when it is not the loan's).
  fc.record({ kind: fc.constant('suspended' as const), loan: currency, paidIn: currency, channel: fc.constantFrom<IntentChannel>('alipay', 'wechat'), minor }),
  // Recorded on the loan with no confirmation.
  fc.record({ kind: fc.constant('recorded' as const), loan: currency, channel: fc.constantFrom<IntentChannel>('alipay', 'wechat', 'sandbox'), minor }),
  // A bank statement line nothing matched, in its own currency.
  fc.record({ kind: fc.constant('statement' as const), paidIn: currency, minor }),
  // A refund payout: pending, or confirmed and recorded as RefundIssued.
  fc.record({ kind: fc.constant('payout' as const), loan: currency, channel: fc.constantFrom<PayoutChannel>('sandbox', 'alipay', 'wechat', 'bank-transfer'), confirmed: fc.boolean(), minor }),
  // A refund on the loan no payout carried (cash).
  fc.record({ kind: fc.constant('refund' as const), loan: currency, minor }),
);

type Payment = typeof payment extends fc.Arbitrary<infer P> ? P : never;

const amountOf = (value: number, of: Currency) => formatMinor(BigInt(value), minorUnits(of));

interface Expected { count: number; minor: bigint }
type Side = 'confirmed' | 'recorded' | 'pending';

/** The events of the payments, and what each (direction, channel, currency) must total on each side, summed in minor units. */
function scenario(payments: Payment[]) {
  const log = new EventLog();
  const expected = new Map<string, Record<Side, Expected>>();
  const add = (direction: string, channel: string, of: Currency, side: Side, value: number) => {
    const key = `${direction}|${channel}|${of}`;
    const sides = expected.get(key) ?? { confirmed: { count: 0, minor: 0n }, recorded: { count: 0, minor: 0n }, pending: { count: 0, minor: 0n } };
    sides[side] = { count: sides[side].count + 1, minor: sides[side].minor + BigInt(value) };
    expected.set(key, sides);
  };
  for (const of of CURRENCIES) log.append(`loan-loan-${of}`, 'LoanApplicationSubmitted', { loanId: `loan-${of}`, terms: { currency: of } }, AT);
  payments.forEach((p, i) => {
    const ref = `TXN-${i}`;
    if (p.kind === 'statement') {
      log.append('statement-s1', 'StatementLineSuspended', { statementId: 's1', line: { bankTxnId: ref, date: DAY, amount: amountOf(p.minor, p.paidIn), currency: p.paidIn, memo: '' }, reason: 'NO_REFERENCE' }, AT);
      add('in', 'bank_transfer', p.paidIn, 'confirmed', p.minor);
      return;
    }
    const loan = `loan-${p.loan}`;
    if (p.kind === 'refund') {
      log.append(`loan-${loan}`, 'RefundIssued', { amount: amountOf(p.minor, p.loan), channel: 'cash', reference: ref, date: DAY }, AT);
      add('out', 'cash', p.loan, 'recorded', p.minor);
      return;
    }
    if (p.kind === 'payout') {
      const amount = amountOf(p.minor, p.loan);
      const channel = REFUNDED_AS[p.channel];
      log.append(`payout-p${i}`, 'PayoutCreated', { payoutId: `p${i}`, loanId: loan, customerId: 'c', amount, currency: p.loan, channel: p.channel, payee: null, createdAt: AT }, AT);
      if (!p.confirmed) return add('out', channel, p.loan, 'pending', p.minor);
      log.append(`payout-p${i}`, 'PayoutConfirmed', { channelReference: ref, confirmedAt: AT, confirmedBy: 'officer-1' }, AT);
      log.append(`loan-${loan}`, 'RefundIssued', { amount, channel, reference: ref, date: DAY }, AT);
      add('out', channel, p.loan, 'confirmed', p.minor);
      return add('out', channel, p.loan, 'recorded', p.minor);
    }
    const channel = RECORDED_AS[p.channel];
    const intent = `intent-${i}`;
    log.append(`payment-${intent}`, 'PaymentIntentCreated', { intentId: intent, loanId: loan, customerId: 'c', amount: amountOf(p.minor, p.loan), currency: p.loan, channel: p.channel, createdAt: AT, expiresAt: AT }, AT);
    if (p.kind === 'suspended') {
      const suspense = { reason: p.paidIn === p.loan ? 'LOAN_NOT_ACTIVE' : 'CURRENCY_MISMATCH', detail: '', loanId: loan, currency: p.paidIn, channel };
      log.append(`payment-${intent}`, 'PaymentConfirmed', { providerTxnId: ref, amount: amountOf(p.minor, p.paidIn), paidAt: AT, flags: ['SUSPENDED'], suspense }, AT);
      return add('in', channel, p.paidIn, 'confirmed', p.minor);
    }
    log.append(`loan-${loan}`, 'RepaymentReceived', { amount: amountOf(p.minor, p.loan), channel, reference: ref, effectiveDate: DAY }, AT);
    add('in', channel, p.loan, 'recorded', p.minor);
    if (p.kind === 'recorded') return;
    log.append(`payment-${intent}`, 'PaymentConfirmed', { providerTxnId: ref, amount: amountOf(p.minor, p.loan), paidAt: AT, flags: [] }, AT);
    add('in', channel, p.loan, 'confirmed', p.minor);
  });
  return { events: log.events, expected };
}

const tallyOf = (e: Expected, of: string) => ({ count: e.count, total: formatMinor(e.minor, minorUnits(of)) });

describe('payment reconciliation per currency (property)', () => {
  it('totals each currency exactly from its own rows, to its minor unit, whatever the mix', async () => {
    await fc.assert(fc.asyncProperty(fc.array(payment, { minLength: 1, maxLength: 25 }), async (payments) => {
      const { events, expected } = scenario(payments);
      const ctx = new FakeContext();
      await project(reconciliationProjection, events, ctx);
      await project(payoutReconciliationProjection, events, ctx);
      const readStore = { find: ctx.find.bind(ctx) } as unknown as ReadStore;
      const { rows, channels } = await paymentReconciliation(readStore, DAY, undefined);

      const keyOf = (c: Pick<ChannelReconciliation, 'direction' | 'channel' | 'currency'>) => `${c.direction}|${c.channel}|${c.currency}`;
      expect(channels.map(keyOf)).toEqual([...expected.keys()].sort());
      for (const entry of channels) {
        const want = expected.get(keyOf(entry))!;
        expect(entry.confirmed).toEqual(tallyOf(want.confirmed, entry.currency));
        expect(entry.recorded).toEqual(tallyOf(want.recorded, entry.currency));
        if (entry.direction === 'out') expect(entry.pending).toEqual(tallyOf(want.pending, entry.currency));
        // Each total is the sum of its own currency's rows, and every difference listed is in it.
        const mine = rows.filter((r) => keyOf(r) === keyOf(entry));
        expect(mine.filter((r) => r.confirmedAmount !== null)).toHaveLength(entry.confirmed.count);
        expect(entry.differences.every((r) => r.currency === entry.currency)).toBe(true);
      }
      // Every row is in the currency its money was: a suspense line paid in JPY is a JPY row, whatever its loan's.
      for (const [i, p] of payments.entries()) {
        const want = 'paidIn' in p ? p.paidIn : p.loan;
        const row = rows.find((r) => r.reference === `TXN-${i}` || r.payoutId === `p${i}`);
        expect(row?.currency, `payment ${i}`).toBe(want);
      }
    }), { numRuns: 200 });
  });
});
