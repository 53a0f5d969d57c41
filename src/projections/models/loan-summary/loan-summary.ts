import { addDays } from '../../../domain/calendar.js';
import { dueByMonth, loanFigures, type LoanFigures } from '../../../domain/loan/figures.js';
import type { RecordedEvent } from '../../../eventstore/port.js';
import type { Projection, ProjectionContext } from '../../projection.js';
import { LOAN_EVENT_TYPES } from '../event-types.js';
import { businessDateOf, entityIdOf } from '../stream-id.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from './documents.js';

/** Opens a spell when the loan falls past due and closes it when it is cured, closed or rescheduled back to current. */
function trackDelinquency(spells: LoanSummaryDoc['delinquency'], figures: LoanFigures, writtenOff: boolean, date: string): LoanSummaryDoc['delinquency'] {
  const open = spells.at(-1)?.until === null;
  const pastDue = figures.oldestUnpaidDueDate !== null;
  if (pastDue && !open) return [...spells, { since: addDays(figures.oldestUnpaidDueDate as string, 1), until: null }];
  if (!pastDue && open && !writtenOff) return [...spells.slice(0, -1), { ...spells.at(-1)!, until: date }];
  return spells;
}

/** Folds the event into the loan (from the log, see LoanStates) and stores the summary's view fields from its figures. */
async function foldLoanEvent(event: RecordedEvent, ctx: ProjectionContext): Promise<void> {
  const loanId = entityIdOf(event, 'loan');
  const previous = await ctx.get<LoanSummaryDoc>(LOAN_SUMMARY, loanId);
  if (!previous && event.type !== 'LoanApplicationSubmitted') {
    throw new Error(`${event.type} ${event.eventId}: loan ${loanId} has no application in the loan summary`);
  }
  const state = ctx.loans.advance(event, await ctx.loans.before(event));
  const date = businessDateOf(event);
  const asOf = previous && previous.asOf > date ? previous.asOf : date;
  const figures = loanFigures(state, asOf);
  const doc: LoanSummaryDoc = {
    id: loanId,
    customerId: state.customerId ?? '',
    productId: state.productId ?? '',
    status: state.status === 'none' ? 'submitted' : state.status,
    flags: state.flags,
    currency: state.currency,
    frequency: state.terms?.frequency ?? 'monthly',
    principal: state.disbursement?.amount ?? state.principalApproved ?? state.principalRequested ?? '0',
    apr: state.disbursement?.apr ?? null,
    outstanding: figures.outstanding,
    nextDue: figures.nextDue,
    nextDueDate: figures.nextDue?.date ?? null,
    daysPastDue: figures.daysPastDue,
    oldestUnpaidDueDate: figures.oldestUnpaidDueDate,
    classification: state.classification,
    disbursedOn: state.disbursement?.date ?? null,
    closedOn: state.closedOn,
    asOf,
    delinquency: trackDelinquency(previous?.delinquency ?? [], figures, state.status === 'written_off', date),
    dueByMonth: dueByMonth(state),
  };
  ctx.put(LOAN_SUMMARY, doc);
}

/** Loan summary: status, flags, the figures' view fields, days past due, classification and delinquency spells per loan. */
export const loanSummaryProjection: Projection = {
  name: 'loan-summary',
  version: 3, // 3: view fields only, from the domain's loan figures
  collections: [{ name: LOAN_SUMMARY, indexes: ['customerId', 'productId', 'status', 'classification', 'disbursedOn', 'nextDueDate', 'daysPastDue'] }],
  handlers: Object.fromEntries(LOAN_EVENT_TYPES.map((type) => [type, foldLoanEvent])),
};
