import { App, Collapse, Typography } from 'antd';
import type { LoanSummary } from '../api/types';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { useBusinessDate } from '../shell/business-date';
import { PageSpinner } from '../shell/PageSpinner';
import { useDisbursementDate } from './disbursement-date';
import { earliestBeforeDisbursement } from './lifecycle-date';
import { useLoanEvents } from './loan-events-query';
import { approvalQueuesFor, offeredActions } from './offered-actions';
import { SERVICING_ACTIONS } from './servicing-actions';
import { useWaitingRequests } from './waiting-requests';
import { ServicingForm } from './ServicingForm';
import { WaitingRequests } from './WaitingRequests';

/** Statuses in which the loan has not been paid out yet (no disbursement date to bound dates by). */
const UNDISBURSED: readonly string[] = ['submitted', 'assessed', 'approved', 'rejected', 'withdrawn'];

/**
 * The commands the signed-in role may send on a loan in its current state, one collapsible form each;
 * a decision on a four-eyes request only while one waits for the loan (QA 12 W15), with the requests it decides;
 * a request that waits one at a time (a write-off) replaced, while one waits, by that request.
 * Their date pickers offer only dates from the disbursement (before it: the approval, or the application's
 * submission; after it what the loan's events add, action-earliest.ts) to the business date, as the server requires.
 */
export function ServicingPanel({ loan }: { loan: LoanSummary }) {
  const t = useT();
  const { message } = App.useApp();
  const { session } = useSession();
  const requests = useWaitingRequests(loan.id, session ? approvalQueuesFor(SERVICING_ACTIONS, session.role, loan.status) : []);
  const actions = session ? offeredActions(SERVICING_ACTIONS, session.role, session.sub, loan.status, requests.waiting) : [];
  const businessDate = useBusinessDate();
  const disbursedOn = useDisbursementDate(loan.id, actions.length > 0 && !UNDISBURSED.includes(loan.status));
  // The loan's events bound each command's dates further (the approval, a reschedule, the write-off, the payment a reversal takes back).
  const events = useLoanEvents(loan.id, actions.length > 0);
  // The forms take their default dates (and the first waiting reference) when they mount: wait for them (a failed look-up leaves dates unbounded; the server still checks).
  const waiting = (q: { isPending: boolean; fetchStatus: string }) => q.isPending && q.fetchStatus !== 'idle';
  if (requests.isPending) return <PageSpinner />;
  if (actions.length === 0) return <Typography.Text>{t('action.none')}</Typography.Text>;
  if (businessDate.isPending || waiting(disbursedOn) || waiting(events)) return <PageSpinner />;
  const lifecycleOn = UNDISBURSED.includes(loan.status) ? earliestBeforeDisbursement(events.data ?? [], loan.status) : undefined;
  const bounds = { latest: businessDate.data, earliest: disbursedOn.data ?? lifecycleOn };
  return (
    <Collapse data-testid="actions" items={actions.map(({ action: a, waiting: items, form }) => {
      if (!form) {
        // The request already waits (a write-off): it shows in its form's place, for another person to approve.
        return { key: a.id, label: t(a.waitsIn?.title ?? a.title), children: <div data-testid={`panel-${a.id}`}>
          <WaitingRequests items={items} />
          <Typography.Text type="secondary" data-testid={`awaiting-${a.id}`}>{t('waiting.otherApproves')}</Typography.Text>
        </div> };
      }
      const references = items.flatMap((item) => (item.reference ? [item.reference] : []));
      return {
        key: a.id,
        label: t(a.title),
        children: <div data-testid={`panel-${a.id}`}>
          {a.decides && <WaitingRequests items={items} />}
          <ServicingForm key={references.join(' ')} loanId={loan.id} currency={loan.currency} action={a} bounds={bounds} events={events.data ?? []} waiting={references}
            onDone={(outcome) => void message.success(t(outcome.awaitsApproval ? 'action.awaitsApproval' : 'action.done', { action: t(a.title) }))} />
        </div>,
      };
    })} />
  );
}
