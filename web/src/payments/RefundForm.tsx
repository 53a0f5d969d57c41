import { Button, Form, Input, Select } from 'antd';
import { useT } from '../i18n/i18n';
import { amountRules } from '../shell/amount-rules';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useStartRefund, type PayoutChannel, type StartedPayout } from './refunds-api';

const CHANNELS: PayoutChannel[] = ['sandbox', 'bank-transfer', 'alipay', 'wechat'];

interface Values { amount?: string; channel: PayoutChannel; payeeAccount?: string; payeeName?: string }

/**
 * Starts a refund payout: amount optional (the server defaults to all the free credit and refuses
 * more; checked to the loan currency's minor units), a channel, and the payee where a provider needs one.
 */
export function RefundForm({ loanId, currency, onStarted }: { loanId: string; currency: string; onStarted: (payout: StartedPayout) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const start = useStartRefund(loanId);
  const channel = Form.useWatch('channel', form);
  const needsPayee = channel === 'alipay' || channel === 'wechat';
  const submit = (v: Values) => start.mutate({
    channel: v.channel,
    ...(v.amount ? { amount: v.amount } : {}),
    ...(needsPayee && v.payeeAccount ? { payee: { account: v.payeeAccount, name: v.payeeName ? v.payeeName : null } } : {}),
  }, { onSuccess: (payout) => { form.resetFields(); onStarted(payout); } });
  return (
    <Form form={form} layout="vertical" name="refund" initialValues={{ channel: 'sandbox' }} onFinish={submit}>
      <ProblemAlert error={start.error} />
      <Form.Item name="amount" label={t('refund.amount')} rules={amountRules(t, { currency })}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name="channel" label={t('refund.channel')}>
        <Select options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
      </Form.Item>
      {needsPayee && (
        <>
          <Form.Item name="payeeAccount" label={t('refund.payeeAccount')} rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
          <Form.Item name="payeeName" label={t('refund.payeeName')}><Input /></Form.Item>
        </>
      )}
      <Button type="primary" htmlType="submit" loading={start.isPending} data-testid="submit-refund">{t('refund.submit')}</Button>
    </Form>
  );
}
