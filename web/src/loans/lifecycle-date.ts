/** What this reads of a GET /v1/loans/:id/history event. */
interface Event {
  type: string;
  data: unknown;
}

/** The business date a lifecycle event of the loan carries (`field` of its data), the latest such event's; undefined without one. */
function dateOf(events: readonly Event[], type: string, field: string): string | undefined {
  const event = events.findLast((e) => e.type === type);
  const value = (event?.data as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The earliest date a command on a loan not yet disbursed may carry, as the server checks it
 * (src/domain/loan/disbursement.ts, lifecycle.ts): an approved loan's disbursement not before its
 * approval (LoanApproved `date`, else 422 DISBURSEMENT_BEFORE_APPROVAL; QA W14), an application's
 * approval not before its submission (LoanApplicationSubmitted `submittedOn`, else 422
 * APPROVAL_BEFORE_SUBMISSION). Undefined when the events carry no date (the server then checks none).
 */
export function earliestBeforeDisbursement(events: readonly Event[], status: string): string | undefined {
  if (status === 'approved') return dateOf(events, 'LoanApproved', 'date');
  if (status === 'submitted' || status === 'assessed') return dateOf(events, 'LoanApplicationSubmitted', 'submittedOn');
  return undefined;
}
