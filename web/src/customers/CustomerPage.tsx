import { Button, Card, Space, Tag, Typography } from 'antd';
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
import { ErasedNotice } from './ErasedNotice';
import { KycDecisionForm } from './KycDecisionForm';
import { KycForm } from './KycForm';
import { piiValue } from './pii-value';

const h2 = (text: string) => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{text}</Typography.Title>;

/**
 * The customer's account centre for staff: masked profile, KYC (submit or decide, per role), loans
 * with balance and next due. An erased customer is marked so and offered no command the server
 * would refuse (409 CUSTOMER_ERASED): no KYC form, no decision, no application.
 */
export function CustomerPage() {
  const t = useT();
  const { customerId = '' } = useParams();
  const { session } = useSession();
  const account = useCustomer(customerId);
  const navigate = useNavigate();
  const role = session?.role;
  const a = account.data;
  const live = a !== undefined && !a.erased;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, wordBreak: 'break-all' }}>{t('customer.title')} {customerId} {a?.erased && <Tag>{t('pii.erased')}</Tag>}</Typography.Title>
      <ProblemAlert error={account.error} />
      {a?.erased && <ErasedNotice />}
      {a && <Card title={h2(t('nav.account'))}><AccountDetails account={a} /></Card>}
      {live && a.kycStatus === 'submitted' && (role === 'compliance' || role === 'officer') && (
        <Card title={h2(t('kyc.decisionTitle'))}>
          {a.kyc && <Typography.Paragraph>{t('kyc.monthlyIncome')}: {piiValue(t, a.kyc.monthlyIncome, money)} · {t('kyc.employer')}: {piiValue(t, a.kyc.employer)} · {t('kyc.employmentMonths')}: {a.kyc.employmentMonths}</Typography.Paragraph>}
          <KycDecisionForm customerId={a.id} />
        </Card>
      )}
      {live && ['not_submitted', 'rejected'].includes(a.kycStatus) && role === 'officer' && <Card title={h2(t('kyc.title'))}><KycForm customerId={a.id} /></Card>}
      {a && (
        <Card title={h2(t('customer.loans'))}
          extra={live && role === 'officer' && <Button onClick={() => navigate(`/office/apply?customerId=${encodeURIComponent(a.id)}`)}>{t('nav.apply')}</Button>}>
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
