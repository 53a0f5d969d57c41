/** Where a checker sends a decision on a waiting item: POST paths under /v1 (the server checks four eyes and roles). */
export interface QueueDecision {
  approve: string;
  /** null where the item cannot be rejected from the queue. */
  reject: string | null;
}

const part = encodeURIComponent;

/** The four-eyes queues whose items a checker decides from the queue itself. */
export const DECISION_QUEUES: readonly string[] = ['reversal-approvals', 'waiver-approvals', 'payout-approvals'];

/**
 * The decisions a four-eyes queue offers on one of its items, from the item's loan and reference:
 * a large reversal, a large waiver or a refund payout to approve or reject. Null for
 * other queues, or an item that does not name what waits.
 */
export function decisionsFor(queue: string, item: { loanId: string | null; reference: string | null }): QueueDecision | null {
  const { loanId, reference } = item;
  if (reference === null) return null;
  if (queue === 'payout-approvals') return { approve: `/v1/payouts/${part(reference)}/approval`, reject: `/v1/payouts/${part(reference)}/rejection` };
  if (loanId === null) return null;
  const loan = `/v1/loans/${part(loanId)}`;
  if (queue === 'waiver-approvals') return { approve: `${loan}/waivers/${part(reference)}/approve`, reject: `${loan}/waivers/${part(reference)}/reject` };
  if (queue === 'reversal-approvals') {
    return { approve: `${loan}/repayments/${part(reference)}/reversal/approve`, reject: `${loan}/repayments/${part(reference)}/reversal/reject` };
  }
  return null;
}
