import { Button, Form, Input, InputNumber } from 'antd';
import { useT } from '../i18n/i18n';
import { amountRules } from '../shell/amount-rules';
import { bankAccountRules } from '../shell/bank-account-rules';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ProblemFieldMarks } from '../shell/ProblemFieldMarks';
import { useSubmitKyc, type KycSubmission } from './api';

/** Income, employer and bank account for KYC; a compliance officer or officer decides on it afterwards. */
export function KycForm({ customerId, onDone }: { customerId: string; onDone?: () => void }) {
  const t = useT();
  const kyc = useSubmitKyc(customerId);
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Form<KycSubmission> layout="vertical" name="kyc" onFinish={(v) => kyc.mutate(v, { onSuccess: () => onDone?.() })}>
      <ProblemAlert error={kyc.error} />
      <ProblemFieldMarks error={kyc.error} />
      <Form.Item name="monthlyIncome" label={t('kyc.monthlyIncome')} rules={amountRules(t, { required: true })}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name="employer" label={t('kyc.employer')} rules={required}><Input /></Form.Item>
      <Form.Item name="employmentMonths" label={t('kyc.employmentMonths')} rules={required}><InputNumber min={0} max={1200} style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="bankAccount" label={t('kyc.bankAccount')} rules={bankAccountRules(t)}><Input inputMode="numeric" /></Form.Item>
      <Button type="primary" htmlType="submit" block loading={kyc.isPending}>{t('kyc.submit')}</Button>
    </Form>
  );
}
