import type { RecordedEvent } from '../../../eventstore/port.js';
import type { LoanEvent } from '../../../domain/loan/events.js';
import { evolveLoan } from '../../../domain/loan/evolve.js';
import { initialLoanState, type LoanState } from '../../../domain/loan/state.js';
import type { Projection, ProjectionContext } from '../../projection.js';
import { LOAN_EVENT_TYPES } from '../event-types.js';
import { businessDateOf, entityIdOf } from '../stream-id.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from './documents.js';
import { loanFigures } from './loan-figures.js';

/** Opens a spell when the loan falls past due and closes it when it is cured, closed or refinanced back to current. */
function trackDelinquency(spells: LoanSummaryDoc['delinquency'], state: LoanState, date: string): LoanSummaryDoc['delinquency'] {
  const open = spells.at(-1)?.until === null;
  const oldest = state.installments[state.firstUnsettled];
  const pastDue = (state.status === 'overdue' || state.status === 'written_off') && oldest?.overdueSince;
  if (pastDue && !open) return [...spells, { since: oldest.overdueSince ?? date, until: null }];
  if (!pastDue && open && state.status !== 'written_off') return [...spells.slice(0, -1), { ...spells.at(-1)!, until: date }];
  return spells;
}

/** Folds the event into the loan's stored state with one `evolveLoan`, then refreshes the summary fields. */
async function foldLoanEvent(event: RecordedEvent, ctx: ProjectionContext): Promise<void> {
  const loanId = entityIdOf(event, 'loan');
  const previous = await ctx.get<LoanSummaryDoc>(LOAN_SUMMARY, loanId);
  if (!previous && event.type !== 'LoanApplicationSubmitted') {
    throw new Error(`${event.type} ${event.eventId}: loan ${loanId} has no application in the loan summary`);
  }
  const state = evolveLoan(previous?.state ?? initialLoanState(), { type: event.type, data: event.data } as LoanEvent);
  const date = businessDateOf(event);
  const figures = loanFigures(state);
  const doc: LoanSummaryDoc = {
    id: loanId,
    customerId: state.customerId ?? '',
    productId: state.productId ?? '',
    status: state.status === 'none' ? 'submitted' : state.status,
    flags: state.flags,
    currency: state.currency,
    principal: state.disbursement?.amount ?? state.principalApproved ?? state.principalRequested ?? '0',
    outstanding: figures.outstanding,
    nextDue: figures.nextDue,
    nextDueDate: figures.nextDue?.date ?? null,
    daysPastDue: state.status === 'overdue' || state.status === 'written_off' ? state.daysPastDue : 0,
    classification: state.classification,
    disbursedOn: state.disbursement?.date ?? null,
    closedOn: state.closedOn,
    asOf: previous && previous.asOf > date ? previous.asOf : date,
    delinquency: trackDelinquency(previous?.delinquency ?? [], state, date),
    state,
  };
  ctx.put(LOAN_SUMMARY, doc);
}

/** Loan summary, schedule (via the stored state), status, flags, days past due and classification per loan. */
export const loanSummaryProjection: Projection = {
  name: 'loan-summary',
  version: 2, // 2: the loan state inside the document has a compact payment book
  collections: [{ name: LOAN_SUMMARY, indexes: ['customerId', 'productId', 'status', 'classification', 'disbursedOn', 'nextDueDate'] }],
  handlers: Object.fromEntries(LOAN_EVENT_TYPES.map((type) => [type, foldLoanEvent])),
};
