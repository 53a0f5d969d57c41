import { Button, Form, Input, Space } from 'antd';
import { useT } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useDecidePayout, type ApprovedPayout } from './refunds-api';

/**
 * For a payout waiting for approval: a second officer approves it (the server sends it through its
 * channel and refuses its maker, FOUR_EYES_REQUIRED), or rejects it with a reason. An approval's
 * answer goes up, so the desk can show where the payout stands (and a provider's payment page).
 */
export function PayoutApproval({ loanId, payoutId, onApproved }: { loanId: string; payoutId: string; onApproved: (payout: ApprovedPayout) => void }) {
  const t = useT();
  const decide = useDecidePayout(loanId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={decide.error} />
      <Button type="primary" loading={decide.isPending} data-testid={`approve-payout-${payoutId}`}
        onClick={() => decide.mutate({ id: payoutId, action: 'approve' }, { onSuccess: (payout) => { if (payout) onApproved(payout); } })}>{t('refund.approve')}</Button>
      <Form layout="inline" name={`reject-${payoutId}`} onFinish={(v: { reason: string }) => decide.mutate({ id: payoutId, action: 'reject', reason: v.reason })}>
        <Form.Item name="reason" label={t('refund.rejectReason')} rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
        <Button htmlType="submit" loading={decide.isPending} data-testid={`reject-payout-${payoutId}`}>{t('refund.reject')}</Button>
      </Form>
    </Space>
  );
}
