/**
 * Why a work item waits, as a code and its parameters (QA 11 S4: the console showed the English
 * sentence in `reason` to zh-CN readers, amounts without their currency). The console words each
 * code in its language; `reason` keeps the English sentence for API callers and older documents.
 * Parameters are strings; `amount` is a decimal string in `currency`.
 */
export const REASON_CODES = [
  'kyc-submitted', 'application-submitted', 'assessed', 'approved', 'write-off-requested', 'reversal-requested', 'waiver-requested', 'payout-requested',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The parameters each code carries. */
export interface ReasonParams {
  'kyc-submitted': Record<string, never>;
  'application-submitted': Record<string, never>;
  assessed: { score: string; grade: string; decision: string };
  approved: Record<string, never>;
  'write-off-requested': { reason: string };
  'reversal-requested': { reference: string; amount: string; currency: string; reason: string };
  'waiver-requested': { reference: string; kind: string; amount: string; currency: string; reason: string };
  'payout-requested': { reference: string; amount: string; currency: string; channel: string };
}

/** A code with its parameters, as the work item stores it. */
export type WaitReason = { [C in ReasonCode]: { reasonCode: C; reasonParams: ReasonParams[C] } }[ReasonCode];

export function waitReason<C extends ReasonCode>(reasonCode: C, reasonParams: ReasonParams[C]): { reasonCode: C; reasonParams: ReasonParams[C] } {
  return { reasonCode, reasonParams };
}
