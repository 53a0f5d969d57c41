import { Button, Card, Col, Descriptions, Row, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { useProducts } from '../products/api';
import { ProblemAlert } from '../shell/ProblemAlert';
import { PageSpinner } from '../shell/PageSpinner';
import { money } from '../shell/format';

/** The borrower's landing page: every product on offer, its rate and APR cap side by side, and an apply button. */
export function ProductsPage() {
  const t = useT();
  const navigate = useNavigate();
  const products = useProducts();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('portal.products')}</Typography.Title>
      <ProblemAlert error={products.error} />
      {products.isPending && <PageSpinner />}
      <Row gutter={[12, 12]}>
        {products.data?.items.map((p) => (
          <Col xs={24} md={12} key={p.id}>
            <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{p.terms.name}</Typography.Title>} data-testid="product-card"
              actions={[<Button type="primary" key="apply" onClick={() => navigate(`/portal/apply/${p.id}`)}>{t('portal.applyNow')}</Button>]}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('product.rate')}><strong>{p.terms.annualRate} %</strong></Descriptions.Item>
                <Descriptions.Item label={t('product.aprCap')}><strong>{p.terms.aprCap ? `${p.terms.aprCap} %` : '—'}</strong></Descriptions.Item>
                <Descriptions.Item label={t('product.amount')}>{money(p.terms.principal.min, p.terms.currency)} – {money(p.terms.principal.max)}</Descriptions.Item>
                <Descriptions.Item label={t('product.term')}>{p.terms.term.min} – {p.terms.term.max} · {t(`freq.${p.terms.frequency}`)}</Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
