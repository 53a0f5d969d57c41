import { App, Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useT } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useDefineProduct } from './api';

interface Values {
  name: string;
  currency: string;
  principalMin: string;
  principalMax: string;
  termMin: number;
  termMax: number;
  frequency: string;
  annualRate: string;
  amortization: string;
  aprCap?: string;
}

const decimal = /^\d+(\.\d+)?$/;

/** Defines a product with the essential terms; the API fills Fineract-like defaults for the rest and refuses what is wrong. */
export function DefineProductForm() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const define = useDefineProduct();
  const submit = (v: Values) =>
    define.mutate({
      name: v.name, currency: v.currency, principal: { min: v.principalMin, max: v.principalMax }, term: { min: v.termMin, max: v.termMax },
      frequency: v.frequency, annualRate: v.annualRate, amortization: v.amortization, ...(v.aprCap ? { aprCap: v.aprCap } : {}),
    }, { onSuccess: () => { form.resetFields(); void message.success(t('product.defined')); } });
  const required = [{ required: true, message: t('form.required') }];
  const amount = [{ required: true, pattern: decimal, message: t('form.amount') }];
  return (
    <Form<Values> form={form} layout="vertical" name="define-product" onFinish={submit}
      initialValues={{ currency: 'CNY', frequency: 'monthly', amortization: 'equal-installment', termMin: 3, termMax: 36 }}>
      <ProblemAlert error={define.error} />
      <Row gutter={12}>
        <Col xs={24} md={12}><Form.Item name="name" label={t('product.name')} rules={required}><Input /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="currency" label={t('product.currency')} rules={required}><Input maxLength={3} /></Form.Item></Col>
        <Col xs={12}><Form.Item name="principalMin" label={t('product.principalMin')} rules={amount}><Input inputMode="decimal" /></Form.Item></Col>
        <Col xs={12}><Form.Item name="principalMax" label={t('product.principalMax')} rules={amount}><Input inputMode="decimal" /></Form.Item></Col>
        <Col xs={12}><Form.Item name="termMin" label={t('product.termMin')} rules={required}><InputNumber min={1} max={600} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12}><Form.Item name="termMax" label={t('product.termMax')} rules={required}><InputNumber min={1} max={600} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="frequency" label={t('product.frequency')}>
          <Select options={(['monthly', 'biweekly', 'weekly'] as const).map((f) => ({ value: f, label: t(`freq.${f}`) }))} />
        </Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="annualRate" label={t('product.rate')} rules={amount}><Input inputMode="decimal" /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="aprCap" label={t('product.aprCap')} rules={[{ pattern: decimal, message: t('form.amount') }]}><Input inputMode="decimal" /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="amortization" label={t('product.amortization')}>
          <Select options={['equal-installment', 'equal-principal', 'bullet'].map((a) => ({ value: a, label: a }))} />
        </Form.Item></Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={define.isPending}>{t('product.define')}</Button>
    </Form>
  );
}
