import { Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../i18n/i18n';
import { useApply } from '../loans/api';
import { useProducts } from '../products/api';
import { useQuote } from '../products/quote';
import { QuoteView } from '../products/QuoteView';
import { useSession } from '../session/session';
import { ProblemAlert } from '../shell/ProblemAlert';
import { money } from '../shell/format';

interface Values {
  principal: string;
  term: number;
  purpose: string;
}

/** A borrower applies for one product, after a quote (schedule, totals, APR) for the amount and term if they like; the API checks the ranges, KYC and everything else and the page shows its answer. */
export function ApplyPage() {
  const t = useT();
  const { productId = '' } = useParams();
  const { session } = useSession();
  const navigate = useNavigate();
  const product = useProducts().data?.items.find((p) => p.id === productId);
  const apply = useApply();
  const quote = useQuote();
  const [form] = Form.useForm<Values>();
  const askQuote = () => form.validateFields(['principal', 'term']).then((v) => quote.mutate({ productId, principal: v.principal, term: v.term })).catch(() => undefined);
  const submit = (v: Values) =>
    apply.mutate({ customerId: session?.customerId ?? '', productId, principal: v.principal, term: v.term, purpose: v.purpose }, {
      onSuccess: (r) => navigate(`/portal/loans/${r.id}`),
    });
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t('portal.apply')}{product ? ` · ${product.terms.name}` : ''}</Typography.Title>}>
      {product && <Typography.Paragraph>{t('product.amount')}: {money(product.terms.principal.min, product.terms.currency)} – {money(product.terms.principal.max)} · {t('product.term')}: {product.terms.term.min} – {product.terms.term.max}</Typography.Paragraph>}
      <ProblemAlert error={apply.error} />
      <Form<Values> form={form} layout="vertical" name="apply" onFinish={submit}>
        <Form.Item name="principal" label={t('apply.principal')} rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: t('form.amount') }]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="term" label={t('apply.term')} rules={[{ required: true, message: t('form.required') }]}>
          <InputNumber min={1} max={600} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="purpose" label={t('apply.purpose')} rules={[{ required: true, message: t('form.required') }]}>
          <Input />
        </Form.Item>
        <Button block onClick={askQuote} loading={quote.isPending} data-testid="ask-quote" style={{ marginBottom: 12 }}>{t('quote.ask')}</Button>
        <ProblemAlert error={quote.error} />
        {quote.data && <div style={{ marginBottom: 12 }}><QuoteView quote={quote.data} /></div>}
        <Button type="primary" htmlType="submit" block loading={apply.isPending}>{t('apply.submit')}</Button>
      </Form>
    </Card>
  );
}
