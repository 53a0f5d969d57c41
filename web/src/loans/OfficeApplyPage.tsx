import { Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useT } from '../i18n/i18n';
import { useProducts } from '../products/api';
import { amountRules, termRules } from '../shell/amount-rules';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useApply, type Application } from './api';

/** An officer submits an application for a customer; the loan page opens once the API has it. */
export function OfficeApplyPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const products = useProducts();
  const apply = useApply();
  const [form] = Form.useForm<Application>();
  const required = [{ required: true, message: t('form.required') }];
  // The chosen product's limits make amount and term field errors before the server is asked.
  const productId = Form.useWatch('productId', form);
  const terms = products.data?.items.find((p) => p.id === productId)?.terms;
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t('nav.apply')}</Typography.Title>} style={{ maxWidth: 560 }}>
      <ProblemAlert error={apply.error ?? products.error} />
      <Form<Application> form={form} layout="vertical" name="apply" initialValues={{ customerId: params.get('customerId') ?? undefined }}
        onFinish={(v) => apply.mutate(v, { onSuccess: (r) => navigate(`/office/loans/${r.id}`) })}>
        <Form.Item name="customerId" label={t('apply.customerId')} rules={required}><Input /></Form.Item>
        <Form.Item name="productId" label={t('apply.product')} rules={required}>
          <Select options={products.data?.items.filter((p) => !p.retired).map((p) => ({ value: p.id, label: `${p.terms.name} · ${p.terms.annualRate} %` }))} />
        </Form.Item>
        <Form.Item name="principal" label={t('apply.principal')} dependencies={['productId']}
          rules={amountRules(t, { required: true, currency: terms?.currency, min: terms?.principal.min, max: terms?.principal.max })}><Input inputMode="decimal" /></Form.Item>
        <Form.Item name="term" label={t('apply.term')} dependencies={['productId']} rules={termRules(t, terms?.term)}><InputNumber min={1} max={600} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="purpose" label={t('apply.purpose')} rules={required}><Input /></Form.Item>
        <Button type="primary" htmlType="submit" loading={apply.isPending}>{t('apply.submit')}</Button>
      </Form>
    </Card>
  );
}
