import { Button, Card, List, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useCustomer } from '../customers/api';
import { useT } from '../i18n/i18n';
import { StatusTag } from '../loans/StatusTag';
import { useSession } from '../session/session';
import { ProblemAlert } from '../shell/ProblemAlert';
import { money } from '../shell/format';

/** The borrower's loans with balance and next due, from the account centre. */
export function MyLoansPage() {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useSession();
  const account = useCustomer(session?.customerId ?? null);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('nav.myLoans')}</Typography.Title>
      <ProblemAlert error={account.error} />
      <List dataSource={account.data?.loans ?? []} locale={{ emptyText: t('portal.noLoans') }} renderItem={(l) => (
        <List.Item>
          <Card size="small" style={{ width: '100%' }} title={<StatusTag status={l.status} />} extra={<Button type="link" onClick={() => navigate(`/portal/loans/${l.loanId}`)}>{t('common.open')}</Button>}>
            <div>{t('loan.principal')}: {money(l.principal, l.currency)}</div>
            <div>{t('loan.outstandingTotal')}: <strong>{money(l.outstanding, l.currency)}</strong></div>
            <div>{t('loan.nextDue')}: {l.nextDue ? `${l.nextDue.date} · ${money(l.nextDue.amount, l.currency)}` : '—'}</div>
            {l.amountDue !== undefined && <div>{t('loan.amountDue')}: <strong>{money(l.amountDue, l.currency)}</strong></div>}
          </Card>
        </List.Item>
      )} />
    </>
  );
}
