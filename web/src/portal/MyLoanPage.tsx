import { Card, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useT } from '../i18n/i18n';
import { useLoan, useSchedule } from '../loans/api';
import { LoanSummaryCard } from '../loans/LoanSummaryCard';
import { PayoffQuote } from '../loans/PayoffQuote';
import { ScheduleOrNote } from '../loans/ScheduleOrNote';
import { RepayCard } from '../payments/RepayCard';
import { PageSpinner } from '../shell/PageSpinner';
import { ProblemAlert } from '../shell/ProblemAlert';
import { WithdrawApplication, WITHDRAWABLE } from './WithdrawApplication';
import { suggestedPayment } from './suggested-payment';

/** Statuses before the money was paid out: nothing can have been repaid yet. */
const UNDISBURSED: readonly string[] = ['submitted', 'assessed', 'approved', 'rejected', 'withdrawn'];

/** One of the borrower's loans: its figures, its payments and receipts once paid out, withdrawing it while still an application, next due, repay through a payment channel, schedule with paid rows and a payoff quote for a date. */
export function MyLoanPage() {
  const t = useT();
  const { loanId = '' } = useParams();
  const loan = useLoan(loanId);
  const schedule = useSchedule(loanId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('loan.title')}</Typography.Title>
      <ProblemAlert error={loan.error} />
      {loan.isPending && <PageSpinner />}
      {/* A loan that is not there (or not the borrower's) shows nothing but the error. */}
      {loan.data && <LoanSummaryCard loan={loan.data} />}
      {loan.data && !UNDISBURSED.includes(loan.data.status) && (
        <Link to={`/portal/loans/${encodeURIComponent(loanId)}/receipts`} data-testid="open-receipts">{t('receipt.entry')}</Link>
      )}
      {loan.data && (
        <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('loan.schedule')}</Typography.Title>}>
          <ScheduleOrNote schedule={schedule} />
        </Card>
      )}
      {loan.data && WITHDRAWABLE.includes(loan.data.status) && (
        <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('action.withdraw')}</Typography.Title>}>
          <WithdrawApplication loanId={loanId} />
        </Card>
      )}
      {loan.data && ['active', 'overdue'].includes(loan.data.status) && (
        <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('pay.title')}</Typography.Title>}>
          <RepayCard loanId={loanId} currency={loan.data.currency} suggested={suggestedPayment(loan.data)} />
        </Card>
      )}
      {loan.data && ['active', 'overdue'].includes(loan.data.status) && (
        <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('payoff.title')}</Typography.Title>}><PayoffQuote loanId={loanId} /></Card>
      )}
    </Space>
  );
}
