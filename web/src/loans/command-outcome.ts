/** What this reads of a GET /v1/loans/:id/history event. */
interface Event {
  revision: string;
  type: string;
}

/** The events that only ask a second person to decide: a reversal, a waiver or a write-off above its four-eyes threshold. */
const REQUESTS: readonly string[] = ['RepaymentReversalRequested', 'ChargeWaiverRequested', 'LoanWriteOffRequested'];

/**
 * Whether the command answered with `revision` left a request waiting for someone else's approval rather than
 * doing what it names: the loan's event at that revision is a request. (A repeated request appends nothing and
 * answers with the waiting request's revision: it still waits.) The console says "submitted, waiting for approval"
 * then, not "done" (before, a reversal above the product's threshold read 冲正还款已完成 while nothing was reversed).
 */
export function awaitsApproval(events: readonly Event[], revision: string): boolean {
  const event = events.find((e) => e.revision === revision);
  return event !== undefined && REQUESTS.includes(event.type);
}
