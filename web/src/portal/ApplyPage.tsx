import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../i18n/i18n';
import { useApply } from '../loans/api';
import { useProducts } from '../products/api';
import { useSession } from '../session/session';
import { amountRules, termRules } from '../shell/amount-rules';
import { ProblemAlert } from '../shell/ProblemAlert';
import { money } from '../shell/format';
import { useAgreement } from './agreement';
import { AgreementView } from './AgreementView';

interface Values {
  principal: string;
  term: number;
  purpose: string;
}

/**
 * A borrower applies for one product: amount and periods, then the loan agreement the server
 * renders for them (schedule, total cost, the APR as prominent as the rate), which they must tick
 * to accept; the application carries the agreement's hash and the acceptance time, and the server
 * refuses a hash that is not its own rendering. Changing the amount or periods withdraws the
 * agreement read so far.
 */
export function ApplyPage() {
  const t = useT();
  const { productId = '' } = useParams();
  const { session } = useSession();
  const navigate = useNavigate();
  const product = useProducts().data?.items.find((p) => p.id === productId);
  const apply = useApply();
  const agreement = useAgreement();
  const [acceptedAt, setAcceptedAt] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const withdraw = () => { agreement.reset(); setAcceptedAt(null); };
  const read = () => form.validateFields(['principal', 'term'])
    .then((v) => { setAcceptedAt(null); agreement.mutate({ productId, principal: v.principal, term: v.term }); })
    .catch(() => undefined);
  const submit = (v: Values) => {
    if (!agreement.data || acceptedAt === null) return;
    apply.mutate({
      customerId: session?.customerId ?? '', productId, principal: v.principal, term: v.term, purpose: v.purpose,
      agreement: { hash: agreement.data.hash, acceptedAt },
    }, { onSuccess: (r) => navigate(`/portal/loans/${r.id}`) });
  };
  return (
    // The product's name wraps: on a phone the card's one-line title cut it to 'Personal instalment l…'.
    <Card title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{t('portal.apply')}{product ? ` · ${product.terms.name}` : ''}</Typography.Title>}>
      {product && <Typography.Paragraph>{t('product.amount')}: {money(product.terms.principal.min, product.terms.currency)} – {money(product.terms.principal.max)} · {t('product.term')}: {product.terms.term.min} – {product.terms.term.max}</Typography.Paragraph>}
      <ProblemAlert error={apply.error} />
      <Form<Values> form={form} layout="vertical" name="apply" onFinish={submit} onValuesChange={(changed: Partial<Values>) => { if ('principal' in changed || 'term' in changed) withdraw(); }}>
        <Form.Item name="principal" label={t('apply.principal')}
          rules={amountRules(t, { required: true, currency: product?.terms.currency, min: product?.terms.principal.min, max: product?.terms.principal.max })}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="term" label={t('apply.term')} rules={termRules(t, product?.terms.term)}>
          <InputNumber min={1} max={600} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="purpose" label={t('apply.purpose')} rules={[{ required: true, message: t('form.required') }]}>
          <Input />
        </Form.Item>
        <Button block onClick={read} loading={agreement.isPending} data-testid="read-agreement" style={{ marginBottom: 12 }}>{t('agreement.read')}</Button>
        <ProblemAlert error={agreement.error} />
        {agreement.data && <AgreementView agreement={agreement.data.document} hash={agreement.data.hash} />}
        {agreement.data && (
          <Form.Item>
            <Checkbox checked={acceptedAt !== null} onChange={(e) => setAcceptedAt(e.target.checked ? new Date().toISOString() : null)} data-testid="accept-agreement">
              {t('agreement.accept')}
            </Checkbox>
          </Form.Item>
        )}
        {acceptedAt === null && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t(agreement.data ? 'agreement.mustAccept' : 'agreement.first')} />}
        <Button type="primary" htmlType="submit" block loading={apply.isPending} disabled={!agreement.data || acceptedAt === null}>{t('apply.submit')}</Button>
      </Form>
    </Card>
  );
}
