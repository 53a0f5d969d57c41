import { Card, Space, Table, Tag, Typography } from 'antd';
import type { Product } from '../api/types';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { money } from '../shell/format';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useProducts } from './api';
import { DefineProductForm } from './DefineProductForm';
import { ScrollRegion } from '../shell/ScrollRegion';

const h2 = (text: string) => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{text}</Typography.Title>;

/** The product catalogue for staff, and the define form for admins. */
export function OfficeProductsPage() {
  const t = useT();
  const { session } = useSession();
  const products = useProducts();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('nav.products')}</Typography.Title>
      <ProblemAlert error={products.error} />
      <Card title={h2(t('product.list'))}>
        <ScrollRegion label={t('product.list')}><Table<Product> size="small" rowKey="id" pagination={false} dataSource={products.data?.items ?? []}
          columns={[
            { title: t('product.name'), key: 'name', render: (_, p) => p.terms.name },
            { title: t('product.rate'), key: 'rate', align: 'right', render: (_, p) => `${p.terms.annualRate} %` },
            { title: t('product.aprCap'), key: 'apr', align: 'right', render: (_, p) => (p.terms.aprCap ? `${p.terms.aprCap} %` : '—') },
            { title: t('product.amount'), key: 'amount', render: (_, p) => `${money(p.terms.principal.min, p.terms.currency)} – ${money(p.terms.principal.max)}` },
            { title: t('product.term'), key: 'term', render: (_, p) => `${p.terms.term.min} – ${p.terms.term.max} · ${t(`freq.${p.terms.frequency}`)}` },
            { title: t('product.amortization'), key: 'am', render: (_, p) => p.terms.amortization },
            { title: t('product.state'), key: 'state', render: (_, p) => <Tag>{p.retired ? t('product.retired') : t('product.onSale')}</Tag> },
          ]} /></ScrollRegion>
      </Card>
      {session?.role === 'admin' && <Card title={h2(t('product.define'))}><DefineProductForm /></Card>}
    </Space>
  );
}
