import { Button, Card, Space, Tabs, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useT } from '../i18n/i18n';
import { RefundCard } from '../payments/RefundCard';
import { useSession } from '../session/session';
import { ProblemAlert } from '../shell/ProblemAlert';
import { PageSpinner } from '../shell/PageSpinner';
import { useLoan, useSchedule } from './api';
import { CreditAssessmentCard } from './CreditAssessmentCard';
import { LoanSummaryCard } from './LoanSummaryCard';
import { PayoffQuote } from './PayoffQuote';
import { ScheduleOrNote } from './ScheduleOrNote';
import { ServicingPanel } from './ServicingPanel';
import { TransactionsTable } from './TransactionsTable';

/** Who may read a loan's refund desk (mirrors payments.loanRefundPayouts in src/api/auth/policy.ts). */
const REFUND_READERS: readonly string[] = ['officer', 'compliance', 'admin'];

/** Statuses in which the application is decided or about to be: the approver reads the credit assessment beside the decision (QA 12 W11). */
const DECIDING: readonly string[] = ['submitted', 'assessed', 'approved', 'rejected'];

const h2 = (text: string) => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{text}</Typography.Title>;

/** The back office's loan view: figures, the credit assessment while the application is decided, servicing actions for the role, schedule with paid rows and money movements (tabs), payoff, link to the timeline. */
export function LoanPage() {
  const t = useT();
  const { loanId = '' } = useParams();
  const { session } = useSession();
  const navigate = useNavigate();
  const loan = useLoan(loanId);
  const schedule = useSchedule(loanId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, wordBreak: 'break-all' }}>{t('loan.title')} {loanId}</Typography.Title>
      <ProblemAlert error={loan.error} />
      {loan.isPending && <PageSpinner />}
      {loan.data && (
        <>
          <Space wrap>
            <Link to={`/office/customers/${loan.data.customerId}`}>{t('loan.openCustomer')}</Link>
            {session?.role !== 'borrower' && <Button onClick={() => navigate(`/office/loans/${loanId}/timeline`)} data-testid="open-timeline">{t('timeline.open')}</Button>}
          </Space>
          <LoanSummaryCard loan={loan.data} />
          {DECIDING.includes(loan.data.status) && <Card title={h2(t('credit.title'))}><CreditAssessmentCard loanId={loanId} /></Card>}
          <Card title={h2(t('loan.actions'))}><ServicingPanel loan={loan.data} /></Card>
          {REFUND_READERS.includes(session?.role ?? '') && ['overpaid', 'closed'].includes(loan.data.status) && <Card title={h2(t('refund.title'))}><RefundCard loanId={loanId} /></Card>}
        </>
      )}
      {loan.data && (
        <Card>
          <Tabs items={[
            { key: 'schedule', label: t('loan.schedule'), children: <ScheduleOrNote schedule={schedule} /> },
            { key: 'transactions', label: t('tx.title'), children: <TransactionsTable loanId={loanId} /> },
          ]} />
        </Card>
      )}
      {loan.data && ['active', 'overdue'].includes(loan.data.status) && <Card title={h2(t('payoff.title'))}><PayoffQuote loanId={loanId} /></Card>}
    </Space>
  );
}
