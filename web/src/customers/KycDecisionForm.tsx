import { Button, Form, Input, Radio } from 'antd';
import { useT } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ProblemFieldMarks } from '../shell/ProblemFieldMarks';
import { useKycDecision } from './api';
import { kycDecisionRules, REASON_MAX } from './kyc-decision-rules';

interface Values {
  decision: 'verified' | 'rejected';
  reason: string;
}

/** Verify or reject a customer's submitted KYC (officer or compliance): nothing pre-selected, a reason for either outcome. */
export function KycDecisionForm({ customerId }: { customerId: string }) {
  const t = useT();
  const decide = useKycDecision(customerId);
  const rules = kycDecisionRules(t);
  return (
    <Form<Values> layout="vertical" name="kyc-decision" onFinish={(v) => decide.mutate({ decision: v.decision, reason: v.reason.trim() })}>
      <ProblemAlert error={decide.error} />
      <ProblemFieldMarks error={decide.error} />
      <Form.Item name="decision" label={t('kyc.decision')} rules={rules.decision}>
        <Radio.Group options={[{ value: 'verified', label: t('kyc.verify') }, { value: 'rejected', label: t('kyc.reject') }]} />
      </Form.Item>
      <Form.Item name="reason" label={t('field.reason')} rules={rules.reason}><Input maxLength={REASON_MAX} /></Form.Item>
      <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="submit-kyc-decision">{t('kyc.decide')}</Button>
    </Form>
  );
}
