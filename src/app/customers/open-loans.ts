import type { LoanApplicationOpened } from '../../domain/customer/events.js';
import type { LoanStatus } from '../../domain/loan/events.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../../projections/models/loan-summary/documents.js';
import type { Page } from '../../readstore/port.js';
import type { AppServices } from '../services.js';
import { customerStream, loadLoan } from '../streams.js';

/**
 * Statuses in which a loan no longer needs its borrower's identity to perform the contract:
 * refused or withdrawn before any money moved, repaid in full, or written off.
 */
export const FINISHED: ReadonlySet<LoanStatus | 'none'> = new Set<LoanStatus | 'none'>(['closed', 'written_off', 'withdrawn', 'rejected']);

/**
 * The customer's loans that are not finished (see FINISHED): applications still pending, loans
 * approved, repaying, overdue or overpaid (a credit still owed back). The loan-summary read model
 * names the customer's loans (callers wait for it to reach the head of the log), and so do the
 * applications noted on the customer's stream (LoanApplicationOpened); each loan's status
 * is then read from its own stream, so a loan closed or reopened since is judged as it stands.
 * Returns loan ids, oldest first as the read model lists them.
 */
export async function openLoansOf(services: Pick<AppServices, 'eventStore' | 'readStore'>, customerId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<LoanSummaryDoc> = await services.readStore.find<LoanSummaryDoc>(LOAN_SUMMARY, { where: { customerId }, limit: 200, cursor });
    ids.push(...page.items.map((doc) => doc.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  // Applications noted on the customer's own stream, which the read model may not show yet (QA 8 N8).
  for (const event of await services.eventStore.readStream(customerStream(customerId))) {
    const noted = event.type === 'LoanApplicationOpened' ? (event.data as LoanApplicationOpened['data']).loanId : null;
    if (noted !== null && !ids.includes(noted)) ids.push(noted);
  }
  const open: string[] = [];
  for (const id of ids) {
    const state = await loadLoan(services.eventStore, id);
    if (state.loanId !== null && !FINISHED.has(state.status)) open.push(id);
  }
  return open;
}
