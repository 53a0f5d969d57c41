import { Alert, Button, Form, Input, Space } from 'antd';
import { useT } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useFollowUpPayout } from './refunds-api';

/**
 * For a pending provider payout (sandbox, Alipay, WeChat Pay): the officer asks the provider where
 * it stands (the server records what it says), or cancels it so the credit can be paid again.
 * Cancel is a plain button: antd's danger red falls short of AA contrast.
 */
export function ProviderPayoutFollowUp({ loanId, payoutId }: { loanId: string; payoutId: string }) {
  const t = useT();
  const followUp = useFollowUpPayout(loanId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={followUp.error} />
      {followUp.data && (
        <Alert type="info" showIcon data-testid={`payout-provider-state-${payoutId}`}
          title={t('refund.providerSaid', { state: followUp.data.providerState, status: t(`refund.status.${followUp.data.payout.status}`) })} />
      )}
      <Button onClick={() => followUp.mutate({ id: payoutId, action: 'query' })} loading={followUp.isPending} data-testid={`query-payout-${payoutId}`}>{t('refund.query')}</Button>
      <Form layout="inline" name={`cancel-${payoutId}`} onFinish={(v: { reason: string }) => followUp.mutate({ id: payoutId, action: 'cancel', reason: v.reason })}>
        <Form.Item name="reason" label={t('refund.cancelReason')} rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
        <Button htmlType="submit" loading={followUp.isPending} data-testid={`cancel-payout-${payoutId}`}>{t('refund.cancel')}</Button>
      </Form>
    </Space>
  );
}
