/** The loan commands the console sends, each `POST /v1/loans/:id/<path>`. */
export type LoanAction = 'assess' | 'approve' | 'reject' | 'withdraw' | 'disburse' | 'repayments' | 'waivers' | 'write-off' | 'reschedule' | 'reversal'
  | 'reversal-approve' | 'reversal-reject' | 'waiver-approve' | 'waiver-reject' | 'charges' | 'recoveries';

/** The actions that name what they act on in their path (its `reference`), with the path under /v1/loans/:id for it (already encoded). */
const BY_REFERENCE: Partial<Record<LoanAction, (reference: string) => string>> = {
  'reversal': (reference) => `repayments/${reference}/reversal`,
  'reversal-approve': (reference) => `repayments/${reference}/reversal/approve`,
  'reversal-reject': (reference) => `repayments/${reference}/reversal/reject`,
  'waiver-approve': (reference) => `waivers/${reference}/approve`,
  'waiver-reject': (reference) => `waivers/${reference}/reject`,
};

/**
 * The path under /v1/loans/:id for an action, and the body it sends. A reversal and its decisions name
 * the repayment in their path (`repayments/:reference/reversal[/approve|/reject]`), and a waiver's decisions
 * its request (`waivers/:reference/approve|reject`), so `reference` moves out of the body into the path.
 */
export function commandOf(action: LoanAction, body: Record<string, unknown>): { path: string; body: Record<string, unknown> } {
  const pathOf = BY_REFERENCE[action];
  if (pathOf === undefined) return { path: action, body };
  const { reference, ...rest } = body;
  return { path: pathOf(encodeURIComponent(String(reference ?? ''))), body: rest };
}
