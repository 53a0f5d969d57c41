import { App, Collapse, Typography } from 'antd';
import type { LoanSummary } from '../api/types';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { SERVICING_ACTIONS } from './servicing-actions';
import { ServicingForm } from './ServicingForm';

/** The commands the signed-in role may send on a loan in its current state, one collapsible form each. */
export function ServicingPanel({ loan }: { loan: LoanSummary }) {
  const t = useT();
  const { message } = App.useApp();
  const { session } = useSession();
  const actions = SERVICING_ACTIONS.filter((a) => session && a.roles.includes(session.role) && a.statuses.includes(loan.status));
  if (actions.length === 0) return <Typography.Text>{t('action.none')}</Typography.Text>;
  return (
    <Collapse data-testid="actions" items={actions.map((a) => ({
      key: a.id,
      label: t(a.title),
      children: <ServicingForm loanId={loan.id} action={a} onDone={() => void message.success(t('action.done', { action: t(a.title) }))} />,
    }))} />
  );
}
