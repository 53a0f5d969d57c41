import { Button, Form, Input, Radio } from 'antd';
import { useT } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useKycDecision } from './api';

interface Values {
  decision: 'verified' | 'rejected';
  reason?: string;
}

/** Verify or reject a customer's submitted KYC (officer or compliance); a rejection needs a reason. */
export function KycDecisionForm({ customerId }: { customerId: string }) {
  const t = useT();
  const decide = useKycDecision(customerId);
  return (
    <Form<Values> layout="vertical" name="kyc-decision" initialValues={{ decision: 'verified' }}
      onFinish={(v) => decide.mutate({ decision: v.decision, ...(v.reason ? { reason: v.reason } : {}) })}>
      <ProblemAlert error={decide.error} />
      <Form.Item name="decision" label={t('kyc.decision')}>
        <Radio.Group options={[{ value: 'verified', label: t('kyc.verify') }, { value: 'rejected', label: t('kyc.reject') }]} />
      </Form.Item>
      <Form.Item name="reason" label={t('field.reason')}><Input /></Form.Item>
      <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="submit-kyc-decision">{t('kyc.decide')}</Button>
    </Form>
  );
}
