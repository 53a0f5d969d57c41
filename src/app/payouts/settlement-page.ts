import type { PayoutChannels } from '../../payments/payouts/payout-channel.js';
import type { PayoutView } from './payout-view.js';

/**
 * The payout as staff read it: while it is pending on a channel with a page to settle it on (the
 * sandbox gateway), `actionUrl` is that page, so it can be paid out after the approval's answer is
 * gone (QA 12 W7); absent otherwise.
 */
export function withSettlementPage(view: PayoutView, channels: PayoutChannels): PayoutView & { actionUrl?: string } {
  const page = view.status === 'pending' ? channels.get(view.channel)?.settlementPage?.(view.id) : undefined;
  return page === undefined ? view : { ...view, actionUrl: page };
}
