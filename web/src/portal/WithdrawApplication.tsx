import { Button, Popconfirm, Space, Typography } from 'antd';
import { useT } from '../i18n/i18n';
import { useLoanCommand } from '../loans/api';
import { ProblemAlert } from '../shell/ProblemAlert';

/** Loan states in which a borrower may still withdraw their application (POST /v1/loans/:id/withdraw, borrower-owned). */
export const WITHDRAWABLE = ['submitted', 'assessed', 'approved'];

/**
 * The borrower withdraws their own application before it is paid out, after confirming; the loan view
 * refetches and shows 已撤回. The API refuses once the loan is disbursed, and the alert says why.
 */
export function WithdrawApplication({ loanId }: { loanId: string }) {
  const t = useT();
  const withdraw = useLoanCommand(loanId, 'withdraw');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={withdraw.error} />
      <Typography.Paragraph style={{ margin: 0 }}>{t('portal.withdrawHint')}</Typography.Paragraph>
      <Popconfirm title={t('portal.withdrawConfirm')} okText={t('portal.withdrawYes')} cancelText={t('users.cancel')}
        onConfirm={() => withdraw.mutate({})}>
        <Button danger block loading={withdraw.isPending} data-testid="withdraw-application">{t('action.withdraw')}</Button>
      </Popconfirm>
    </Space>
  );
}
