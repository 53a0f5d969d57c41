import { describe, expect, it } from 'vitest';
import { payoutDecider } from '../../../src/domain/payout/decider.js';
import { payoutDeskDecider } from '../../../src/domain/payout/desk.js';
import type { PayoutEvent, PayoutReserved, RefundDecreeReserved } from '../../../src/domain/payout/events.js';
import { given } from '../decider-spec.js';

const payout = {
  payoutId: 'po-1', loanId: 'l1', customerId: 'c1', amount: '50.00', currency: 'CNY', channel: 'sandbox' as const, payee: null, createdAt: '2026-03-01T10:00:00.000Z',
};
const created: PayoutEvent = { type: 'PayoutCreated', data: payout };
const confirm = (channelReference = 'SBXT-1') => ({ type: 'ConfirmPayout' as const, data: { channelReference, at: '2026-03-01T10:05:00.000Z', by: 'channel:sandbox' } });
const confirmed: PayoutEvent = { type: 'PayoutConfirmed', data: { channelReference: 'SBXT-1', confirmedAt: '2026-03-01T10:05:00.000Z', confirmedBy: 'channel:sandbox' } };
const fail = { type: 'FailPayout' as const, data: { channelReference: null, reason: 'declined', at: '2026-03-01T10:06:00.000Z' } };
const failed: PayoutEvent = { type: 'PayoutFailed', data: { channelReference: null, reason: 'declined', failedAt: '2026-03-01T10:06:00.000Z' } };
const spec = (events: PayoutEvent[] = []) => given(payoutDecider, events);

describe('refund payout decider', () => {
  it('creates a pending payout once, for a positive amount', () => {
    expect(spec().when({ type: 'CreatePayout', data: payout }).then([created])).toMatchObject({ status: 'pending', amount: '50.00', loanId: 'l1' });
    spec([created]).when({ type: 'CreatePayout', data: payout }).thenThrows('PAYOUT_EXISTS', 'conflict');
    spec().when({ type: 'CreatePayout', data: { ...payout, amount: '0' } }).thenThrows('INVALID_AMOUNT', 'invalid');
  });

  it('confirms once; the same reference again is a no-op, another is refused', () => {
    expect(spec([created]).when(confirm()).then([confirmed])).toMatchObject({ status: 'confirmed', confirmation: { channelReference: 'SBXT-1' } });
    spec([created, confirmed]).when(confirm()).then([]);
    spec([created, confirmed]).when(confirm('SBXT-2')).thenThrows('PAYOUT_ALREADY_CONFIRMED', 'conflict');
  });

  it('a failed payout is closed: a later confirmation is refused, a repeated failure is a no-op; a confirmed one cannot fail', () => {
    expect(spec([created]).when(fail).then([failed])).toMatchObject({ status: 'failed', failure: { reason: 'declined' } });
    spec([created, failed]).when(confirm()).thenThrows('PAYOUT_CLOSED', 'conflict');
    spec([created, failed]).when(fail).then([]);
    spec([created, confirmed]).when(fail).thenThrows('PAYOUT_CLOSED', 'conflict');
  });

  it('refuses to settle a payout that does not exist', () => {
    spec().when(confirm()).thenThrows('PAYOUT_NOT_FOUND', 'not_found');
    spec().when(fail).thenThrows('PAYOUT_NOT_FOUND', 'not_found');
  });
});

describe('payout desk decider', () => {
  const reserved: PayoutReserved = { type: 'PayoutReserved', data: { payoutId: 'po-1', amount: '50.00' } };
  const reserve = (payoutId: string, seen: number) => ({ type: 'ReservePayout' as const, data: { payoutId, amount: '10.00', seen } });

  it('reserves when nobody opened a payout since the free credit was counted, else PAYOUT_CONCURRENT', () => {
    given(payoutDeskDecider, []).when(reserve('po-1', 0)).then([{ type: 'PayoutReserved', data: { payoutId: 'po-1', amount: '10.00' } }]);
    given(payoutDeskDecider, [reserved]).when(reserve('po-2', 0)).thenThrows('PAYOUT_CONCURRENT', 'conflict');
    given(payoutDeskDecider, [reserved]).when(reserve('po-2', 1)).then([{ type: 'PayoutReserved', data: { payoutId: 'po-2', amount: '10.00' } }]);
    given(payoutDeskDecider, [reserved]).when(reserve('po-1', 0)).then([]);
  });

  const decreed: RefundDecreeReserved = { type: 'RefundDecreeReserved', data: { reference: 'CASH-1', amount: '40.00', loanRevision: '7' } };
  const decree = (reference: string, loanRevision: string, seen: number) => ({ type: 'ReserveDecree' as const, data: { reference, amount: '40.00', loanRevision, seen } });

  it('serialises decrees with payouts: whichever lands second after the count is refused, naming what came in between', () => {
    given(payoutDeskDecider, []).when(decree('CASH-1', '7', 0)).then([decreed]);
    given(payoutDeskDecider, [reserved]).when(decree('CASH-1', '7', 0)).thenThrows('PAYOUT_CONCURRENT', 'conflict');
    given(payoutDeskDecider, [decreed]).when(reserve('po-1', 0)).thenThrows('REFUND_CONCURRENT', 'conflict');
    given(payoutDeskDecider, [reserved, decreed]).when(reserve('po-2', 2)).then([{ type: 'PayoutReserved', data: { payoutId: 'po-2', amount: '10.00' } }]);
    // The same decree again at the same loan revision (a retry after a crash) claims nothing new.
    given(payoutDeskDecider, [decreed, reserved]).when(decree('CASH-1', '7', 0)).then([]);
    given(payoutDeskDecider, [decreed]).when(decree('CASH-1', '8', 1)).then([{ type: 'RefundDecreeReserved', data: { reference: 'CASH-1', amount: '40.00', loanRevision: '8' } }]);
  });
});
