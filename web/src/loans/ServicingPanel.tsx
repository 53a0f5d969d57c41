import { App, Collapse, Typography } from 'antd';
import type { LoanSummary } from '../api/types';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { useBusinessDate } from '../shell/business-date';
import { PageSpinner } from '../shell/PageSpinner';
import { useDisbursementDate } from './disbursement-date';
import { useEarliestBeforeDisbursement } from './earliest-date-query';
import { SERVICING_ACTIONS } from './servicing-actions';
import { ServicingForm } from './ServicingForm';

/** Statuses in which the loan has not been paid out yet (no disbursement date to bound dates by). */
const UNDISBURSED: readonly string[] = ['submitted', 'assessed', 'approved', 'rejected', 'withdrawn'];

/**
 * The commands the signed-in role may send on a loan in its current state, one collapsible form each.
 * Their date pickers offer only dates from the disbursement (before it: the approval, or the application's
 * submission) to the business date, as the server requires.
 */
export function ServicingPanel({ loan }: { loan: LoanSummary }) {
  const t = useT();
  const { message } = App.useApp();
  const { session } = useSession();
  const actions = SERVICING_ACTIONS.filter((a) => session && a.roles.includes(session.role) && a.statuses.includes(loan.status));
  const businessDate = useBusinessDate();
  const disbursedOn = useDisbursementDate(loan.id, actions.length > 0 && !UNDISBURSED.includes(loan.status));
  const lifecycleOn = useEarliestBeforeDisbursement(loan.id, loan.status, actions.length > 0 && UNDISBURSED.includes(loan.status));
  if (actions.length === 0) return <Typography.Text>{t('action.none')}</Typography.Text>;
  // The forms take their default dates when they mount: wait for the dates (a failed look-up leaves them unbounded; the server still checks).
  const waiting = (q: { isPending: boolean; fetchStatus: string }) => q.isPending && q.fetchStatus !== 'idle';
  if (businessDate.isPending || waiting(disbursedOn) || waiting(lifecycleOn)) return <PageSpinner />;
  const bounds = { latest: businessDate.data, earliest: disbursedOn.data ?? lifecycleOn.data ?? undefined };
  return (
    <Collapse data-testid="actions" items={actions.map((a) => ({
      key: a.id,
      label: t(a.title),
      children: <ServicingForm loanId={loan.id} currency={loan.currency} action={a} bounds={bounds} onDone={() => void message.success(t('action.done', { action: t(a.title) }))} />,
    }))} />
  );
}
