import { Button, Form, Input, Space } from 'antd';
import { useT } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useSettleBankPayout } from './refunds-api';

/** For a pending bank-transfer payout: the officer confirms it with the bank's reference, or records the bank's return. */
export function BankPayoutSettle({ loanId, payoutId }: { loanId: string; payoutId: string }) {
  const t = useT();
  const settle = useSettleBankPayout(loanId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={settle.error} />
      <Form layout="inline" name={`confirm-${payoutId}`} onFinish={(v: { bankReference: string }) => settle.mutate({ id: payoutId, bankReference: v.bankReference })}>
        <Form.Item name="bankReference" label={t('refund.bankReference')} rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
        <Button htmlType="submit" loading={settle.isPending}>{t('refund.confirmBank')}</Button>
      </Form>
      <Form layout="inline" name={`fail-${payoutId}`} onFinish={(v: { reason: string }) => settle.mutate({ id: payoutId, reason: v.reason })}>
        <Form.Item name="reason" label={t('refund.failReason')} rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
        <Button danger htmlType="submit" loading={settle.isPending}>{t('refund.failBank')}</Button>
      </Form>
    </Space>
  );
}
