import { Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useState } from 'react';
import type { ProductTerms } from '../api/types';
import { useT } from '../i18n/i18n';
import { PageSpinner } from '../shell/PageSpinner';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useDebounced } from '../shell/useDebounced';
import { complete, termsOf, type ProductFormValues } from './product-form';
import { useDraftQuote } from './quote';
import { QuoteView } from './QuoteView';

const decimal = /^\d+(\.\d+)?$/;

/**
 * The live schedule preview beside the products form: once typing pauses, the server quotes a
 * sample loan (amount and periods chosen here; the product's minimums by default) on the draft
 * terms — the same generator and APR an application would get. Its refusals show as they come.
 */
export function TermsPreview({ id, values, base }: { id: string; values: Partial<ProductFormValues> | undefined; base?: ProductTerms }) {
  const t = useT();
  const [principal, setPrincipal] = useState('');
  const [term, setTerm] = useState<number | null>(null);
  const samplePrincipal = principal || values?.principalMin || '';
  const sampleTerm = term ?? values?.termMin ?? null;
  const request = complete(values) && decimal.test(samplePrincipal) && sampleTerm !== null
    ? { terms: termsOf(values, base), principal: samplePrincipal, term: sampleTerm } : null;
  const quote = useDraftQuote(useDebounced(request, 400));
  return (
    <section aria-label={t('product.preview')} data-testid={id}>
      <Typography.Title level={3} style={{ fontSize: 15 }}>{t('product.preview')}</Typography.Title>
      <Row gutter={12}>
        <Col xs={12}><Form.Item label={t('product.previewPrincipal')} htmlFor={`${id}-principal`}>
          <Input id={`${id}-principal`} inputMode="decimal" value={principal} placeholder={values?.principalMin} onChange={(e) => setPrincipal(e.target.value.trim())} />
        </Form.Item></Col>
        <Col xs={12}><Form.Item label={t('product.previewTerm')} htmlFor={`${id}-term`}>
          <InputNumber id={`${id}-term`} min={1} max={600} value={term} placeholder={values?.termMin === undefined ? undefined : String(values.termMin)} onChange={(v) => setTerm(v)} style={{ width: '100%' }} />
        </Form.Item></Col>
      </Row>
      {request === null && <Typography.Paragraph type="secondary">{t('product.previewHint')}</Typography.Paragraph>}
      {request !== null && quote.isError && <ProblemAlert error={quote.error} />}
      {request !== null && quote.isPending && <PageSpinner />}
      {request !== null && !quote.isError && quote.data && <QuoteView quote={quote.data} />}
    </section>
  );
}
