import { REFUND_CHANNEL, type PayoutChannel } from './payout-channel.js';

/**
 * A refund the lender's treasury sends from its bank account: always pending until an officer
 * confirms it with the bank's reference (POST /v1/payouts/:id/confirmation) or records its return.
 */
export const bankTransferPayoutChannel: PayoutChannel = {
  name: 'bank-transfer',
  refundChannel: REFUND_CHANNEL['bank-transfer'],
  needsPayee: false,
  async submit() {
    return { status: 'pending', actionUrl: null };
  },
};
