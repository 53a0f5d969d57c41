import { Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { ProductTerms } from '../api/types';
import { useT } from '../i18n/i18n';
import { amountRules } from '../shell/amount-rules';
import { rateRules } from '../shell/rate-rules';
import { ProblemAlert } from '../shell/ProblemAlert';
import type { ProductFormValues } from './product-form';
import { TermsPreview } from './TermsPreview';

interface Props {
  /** The form's id (field ids are `<name>_<field>`). */
  name: string;
  initialValues: Partial<ProductFormValues>;
  /** The current terms when amending (kept for fields the form does not edit). */
  base?: ProductTerms;
  submitLabel: string;
  submitting: boolean;
  error: unknown;
  onSubmit(values: ProductFormValues): void;
}

/** The essential product terms, with the live schedule preview beside them; define and amend both use it. */
export function ProductForm({ name, initialValues, base, submitLabel, submitting, error, onSubmit }: Props) {
  const t = useT();
  const [form] = Form.useForm<ProductFormValues>();
  const values = Form.useWatch([], form) as Partial<ProductFormValues> | undefined;
  const required = [{ required: true, message: t('form.required') }];
  const amount = amountRules(t, { required: true, currency: values?.currency });
  const rate = rateRules(t, { required: true });
  return (
    <Row gutter={24}>
      <Col xs={24} xl={12}>
        <Form<ProductFormValues> form={form} layout="vertical" name={name} onFinish={onSubmit} initialValues={initialValues}>
          <ProblemAlert error={error} />
          <Row gutter={12}>
            <Col xs={24} md={12}><Form.Item name="name" label={t('product.name')} rules={required}><Input /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="currency" label={t('product.currency')} rules={required}><Input maxLength={3} /></Form.Item></Col>
            <Col xs={12}><Form.Item name="principalMin" label={t('product.principalMin')} rules={amount}><Input inputMode="decimal" /></Form.Item></Col>
            <Col xs={12}><Form.Item name="principalMax" label={t('product.principalMax')} rules={amount}><Input inputMode="decimal" /></Form.Item></Col>
            <Col xs={12}><Form.Item name="termMin" label={t('product.termMin')} rules={required}><InputNumber min={1} max={600} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={12}><Form.Item name="termMax" label={t('product.termMax')} rules={required}><InputNumber min={1} max={600} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="frequency" label={t('product.frequency')}>
              <Select options={(['monthly', 'biweekly', 'weekly'] as const).map((f) => ({ value: f, label: t(`freq.${f}`) }))} />
            </Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="amortization" label={t('product.amortization')}>
              <Select options={(['equal-installment', 'equal-principal', 'bullet'] as const).map((a) => ({ value: a, label: t(`amortization.${a}`) }))} />
            </Form.Item></Col>
            <Col xs={12}><Form.Item name="annualRate" label={t('product.rate')} rules={rate}><Input inputMode="decimal" /></Form.Item></Col>
            <Col xs={12}><Form.Item name="aprCap" label={t('product.aprCap')} rules={rateRules(t)}><Input inputMode="decimal" /></Form.Item></Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid={`submit-${name}`}>{submitLabel}</Button>
        </Form>
      </Col>
      <Col xs={24} xl={12}><TermsPreview id={`${name}-preview`} values={values} base={base} /></Col>
    </Row>
  );
}
