import { Button, Card, Space, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import type { CustomerLoanLine } from '../api/types';
import { useT } from '../i18n/i18n';
import { StatusTag } from '../loans/StatusTag';
import { useSession } from '../session/session';
import { money } from '../shell/format';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ResponsiveTable } from '../shell/ResponsiveTable';
import { AccountDetails } from './AccountDetails';
import { useCustomer } from './api';
import { KycDecisionForm } from './KycDecisionForm';
import { KycForm } from './KycForm';

const h2 = (text: string) => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{text}</Typography.Title>;

/** The customer's account centre for staff: masked profile, KYC (submit or decide, per role), loans with balance and next due. */
export function CustomerPage() {
  const t = useT();
  const { customerId = '' } = useParams();
  const { session } = useSession();
  const account = useCustomer(customerId);
  const navigate = useNavigate();
  const role = session?.role;
  const a = account.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, wordBreak: 'break-all' }}>{t('customer.title')} {customerId}</Typography.Title>
      <ProblemAlert error={account.error} />
      {a && <Card title={h2(t('nav.account'))}><AccountDetails account={a} /></Card>}
      {a && a.kycStatus === 'submitted' && (role === 'compliance' || role === 'officer') && (
        <Card title={h2(t('kyc.decisionTitle'))}>
          {a.kyc && <Typography.Paragraph>{t('kyc.monthlyIncome')}: {money(a.kyc.monthlyIncome)} · {t('kyc.employer')}: {a.kyc.employer} · {t('kyc.employmentMonths')}: {a.kyc.employmentMonths}</Typography.Paragraph>}
          <KycDecisionForm customerId={a.id} />
        </Card>
      )}
      {a && ['not_submitted', 'rejected'].includes(a.kycStatus) && role === 'officer' && <Card title={h2(t('kyc.title'))}><KycForm customerId={a.id} /></Card>}
      {a && (
        <Card title={h2(t('customer.loans'))}
          extra={role === 'officer' && <Button onClick={() => navigate(`/office/apply?customerId=${encodeURIComponent(a.id)}`)}>{t('nav.apply')}</Button>}>
          <ResponsiveTable<CustomerLoanLine> label={t('customer.loans')} rows={a.loans} rowKey={(l) => l.loanId}
            columns={[
              { key: 'id', title: t('loan.id'), render: (l) => <Link to={`/office/loans/${l.loanId}`}>{l.loanId}</Link> },
              { key: 'status', title: t('loan.status'), render: (l) => <StatusTag status={l.status} /> },
              { key: 'principal', title: t('loan.principal'), align: 'right', render: (l) => money(l.principal, l.currency) },
              { key: 'outstanding', title: t('loan.outstandingTotal'), align: 'right', render: (l) => money(l.outstanding, l.currency) },
              { key: 'nextDue', title: t('loan.nextDue'), render: (l) => (l.nextDue ? `${l.nextDue.date} · ${money(l.nextDue.amount, l.currency)}` : '—') },
              { key: 'amountDue', title: t('loan.amountDue'), align: 'right', render: (l) => (l.amountDue === undefined ? '—' : money(l.amountDue, l.currency)) },
            ]} />
        </Card>
      )}
    </Space>
  );
}
