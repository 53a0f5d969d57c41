/**
 * Providers take the lender's payout number as letters and digits only (Alipay out_biz_no, WeChat
 * out_bill_no, 32 characters at most): the payout's UUID without hyphens, and back.
 */
export const compactPayoutId = (payoutId: string) => payoutId.replaceAll('-', '');

/** The payout id a provider's compact number stands for (unchanged when it is not a compact UUID). */
export const payoutIdOfCompact = (compact: string) => (/^[0-9a-f]{32}$/i.test(compact)
  ? `${compact.slice(0, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}-${compact.slice(16, 20)}-${compact.slice(20)}`
  : compact);
