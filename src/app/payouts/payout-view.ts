import type { PayoutState } from '../../domain/payout/state.js';
import { minorUnits } from '../../domain/money.js';
import type { EventStore } from '../../eventstore/port.js';
import type { AppServices } from '../services.js';
import { refundableCredit } from './refundable-credit.js';
import { loadPayout, payoutIdsOfLoan } from './payout-stream.js';

/** A refund payout as the API shows it, from its own stream (never stale). */
export interface PayoutView {
  id: string;
  loanId: string;
  customerId: string;
  status: Exclude<PayoutState['status'], 'none'>;
  channel: NonNullable<PayoutState['channel']>;
  amount: string;
  currency: string;
  payee: PayoutState['payee'];
  createdAt: string;
  /** Its maker; null on payouts sent before four eyes. */
  requestedBy: string | null;
  approval: PayoutState['approval'];
  rejection: PayoutState['rejection'];
  confirmation: PayoutState['confirmation'];
  failure: PayoutState['failure'];
  /** Global position of the payout's latest event (the loan's refund is recorded after its confirmation). */
  position: string;
  revision: string;
}

/** The payout, or null when it does not exist. */
export async function payoutView(store: EventStore, payoutId: string): Promise<PayoutView | null> {
  const loaded = await loadPayout(store, payoutId);
  if (loaded === null) return null;
  const s = loaded.state;
  if (s.status === 'none' || s.payoutId === null || s.loanId === null || s.customerId === null || s.channel === null
    || s.amount === null || s.currency === null || s.createdAt === null) return null;
  return {
    id: s.payoutId, loanId: s.loanId, customerId: s.customerId, status: s.status, channel: s.channel, amount: s.amount, currency: s.currency,
    payee: s.payee, createdAt: s.createdAt, requestedBy: s.requestedBy, approval: s.approval, rejection: s.rejection, confirmation: s.confirmation, failure: s.failure,
    position: loaded.position.toString(), revision: loaded.revision.toString(),
  };
}

/** A loan's refund desk: its credit today, what pending payouts hold of it, what is free to refund, and every payout (newest first). */
export interface RefundDeskView {
  loanId: string;
  currency: string;
  creditBalance: string;
  reserved: string;
  refundable: string;
  items: PayoutView[];
}

/** The loan's refund desk; null when the loan does not exist. */
export async function refundDesk(services: AppServices, loanId: string): Promise<RefundDeskView | null> {
  const credit = await refundableCredit(services, loanId);
  if (credit === null) return null;
  const places = minorUnits(credit.loan.currency);
  const ids = await payoutIdsOfLoan(services.eventStore, loanId);
  const views = await Promise.all(ids.map((id) => payoutView(services.eventStore, id)));
  return {
    loanId, currency: credit.loan.currency, creditBalance: credit.credit.toFixed(places), reserved: credit.reserved.toFixed(places), refundable: credit.free.toFixed(places),
    items: views.filter((v): v is PayoutView => v !== null).reverse(),
  };
}
