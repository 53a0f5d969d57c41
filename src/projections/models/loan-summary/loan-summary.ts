import { dueByMonth } from '../../../domain/loan/figures.js';
import { delinquencySpells } from '../../../domain/loan/delinquency-spells.js';
import { addDays } from '../../../domain/calendar.js';
import { latePenaltyFrom, unchargedPenaltyFrom } from '../../../domain/loan/late-paid-penalty.js';
import { missedClosesThrough } from '../../../domain/loan/missed-closes-through.js';
import { standingBeforeFirstClose } from '../../../domain/loan/standing-before-first-close.js';
import type { RecordedEvent } from '../../../eventstore/port.js';
import type { FoldedLoan } from '../../loan-states.js';
import type { Projection, ProjectionContext } from '../../projection.js';
import { LOAN_EVENT_TYPES } from '../event-types.js';
import { businessDateOf, entityIdOf, entityIdsOf } from '../stream-id.js';
import { daysPastDueAt } from './days-past-due-at.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from './documents.js';

/**
 * Folds the event into the loan (from the log, see LoanStates) and stores the summary's view fields
 * from its figures: the date the summary is as of at once, the view fields once per batch, from
 * the loan after its last event in the batch (what building them at every event would leave).
 */
async function foldLoanEvent(event: RecordedEvent, ctx: ProjectionContext): Promise<void> {
  const loanId = entityIdOf(event, 'loan');
  const previous = await ctx.get<LoanSummaryDoc>(LOAN_SUMMARY, loanId);
  if (!previous && event.type !== 'LoanApplicationSubmitted') {
    throw new Error(`${event.type} ${event.eventId}: loan ${loanId} has no application in the loan summary`);
  }
  // Folded now, so the cache follows the loan event by event; the figures wait for the settle.
  const loan = await ctx.loans.after(event);
  const date = businessDateOf(event);
  const asOf = previous && previous.asOf > date ? previous.asOf : date;
  ctx.put(LOAN_SUMMARY, { ...(previous ?? summaryOf(loan, loanId, asOf)), asOf });
  ctx.settle(loanId, event, async () => ctx.put(LOAN_SUMMARY, summaryOf(await ctx.loans.after(event), loanId, asOf)));
}

/** The day after the last close that ran without a loan keyed in late and not caught up yet, or null. */
function missedClosesFrom(state: FoldedLoan['state']): string | null {
  const through = missedClosesThrough(state);
  return through === null || (state.status !== 'active' && state.status !== 'overdue') ? null : addDays(through, 1);
}

/**
 * The status, flags and class a loan shows: as recorded, save for a loan keyed in late that no close
 * has caught up yet, whose commands record no class (reclassification.ts): the standing its first
 * close will record for the days past due counted to the last close that ran without it
 * (standingBeforeFirstClose), so its view, the list's filters and the book reports read it alike.
 */
function standingOf(state: FoldedLoan['state'], figures: Pick<LoanSummaryDoc, 'nextDue' | 'daysPastDue' | 'unpaidSince'>): Pick<LoanSummaryDoc, 'status' | 'flags' | 'classification'> {
  const recorded = { status: state.status === 'none' ? 'submitted' as const : state.status, flags: state.flags, classification: state.classification };
  const through = missedClosesThrough(state);
  return through === null ? recorded : standingBeforeFirstClose(recorded, daysPastDueAt(figures, through));
}

function summaryOf(loan: FoldedLoan, loanId: string, asOf: string): LoanSummaryDoc {
  const state = loan.state;
  const figures = loan.figures(asOf);
  return {
    id: loanId,
    customerId: state.customerId ?? '',
    productId: state.productId ?? '',
    ...standingOf(state, figures),
    currency: state.currency,
    frequency: state.terms?.frequency ?? 'monthly',
    principal: state.disbursement?.amount ?? state.principalApproved ?? state.principalRequested ?? '0',
    apr: state.disbursement?.apr ?? null,
    outstanding: figures.outstanding,
    nextDue: figures.nextDue,
    nextDueDate: figures.nextDue?.date ?? null,
    latePenaltyFrom: latePenaltyFrom(state),
    missedClosesFrom: missedClosesFrom(state),
    unchargedPenaltyFrom: unchargedPenaltyFrom(state),
    daysPastDue: figures.daysPastDue,
    oldestUnpaidDueDate: figures.oldestUnpaidDueDate,
    unpaidSince: figures.unpaidSince,
    disbursedOn: state.disbursement?.date ?? null,
    closedOn: state.closedOn,
    lastClose: state.lastEodDate,
    asOf,
    delinquency: delinquencySpells(state, asOf),
    dueByMonth: dueByMonth(state),
  };
}

/** Loan summary: status, flags, the figures' view fields, days past due, classification and delinquency spells per loan. */
export const loanSummaryProjection: Projection = {
  name: 'loan-summary',
  version: 13, // 13: delinquency spells of a row owing only a late charge run from the charge, also once it is paid (past-due-spans.ts); 12: a loan keyed in late shows, until its first close, the standing that close will record (its commands record no class); 11: a close marking a row behind an older one owing only a newer charge leaves the loan overdue (its status split from its class); 10: lastClose (a view ages a document to at least the close it holds, qa18 D5); 9: a migrated loan's legacy rows are never late (qa18 D3: the first fact after the cut-over dated them); 8: missedClosesFrom (a loan keyed in late is visited by the next close, whatever is due: qa13 Q13); 7: unpaidSince (days past due of a charge applied after its row fell due run from its date, QA 12 Q5); 6: unchargedPenaltyFrom; 5: latePenaltyFrom; 4: delinquency spells re-derived from the replay
  collections: [{ name: LOAN_SUMMARY, indexes: ['customerId', 'productId', 'status', 'classification', 'disbursedOn', 'nextDueDate', 'latePenaltyFrom', 'missedClosesFrom', 'daysPastDue'] }],
  handlers: Object.fromEntries(LOAN_EVENT_TYPES.map((type) => [type, foldLoanEvent])),
  prefetch: (events, ctx) => ctx.prefetch(LOAN_SUMMARY, entityIdsOf(events, 'loan')),
};
