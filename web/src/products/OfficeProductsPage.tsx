import { Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Product } from '../api/types';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { money } from '../shell/format';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ResponsiveTable, type ResponsiveColumn } from '../shell/ResponsiveTable';
import { AmendProductDrawer } from './AmendProductDrawer';
import { useProducts } from './api';
import { DefineProductForm } from './DefineProductForm';
import { RetireProductButton } from './RetireProductButton';

const h2 = (text: string) => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{text}</Typography.Title>;

/** The product catalogue for staff; administrators define, amend and retire, each with a live schedule preview from the server. */
export function OfficeProductsPage() {
  const t = useT();
  const admin = useSession().session?.role === 'admin';
  const products = useProducts(true);
  const [amending, setAmending] = useState<Product | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const columns: ResponsiveColumn<Product>[] = [
    { key: 'name', title: t('product.name'), render: (p) => p.terms.name },
    { key: 'version', title: t('product.version'), align: 'right', render: (p) => p.version },
    { key: 'rate', title: t('product.rate'), align: 'right', render: (p) => `${p.terms.annualRate} %` },
    { key: 'apr', title: t('product.aprCap'), align: 'right', render: (p) => (p.terms.aprCap ? `${p.terms.aprCap} %` : '—') },
    { key: 'amount', title: t('product.amount'), render: (p) => `${money(p.terms.principal.min, p.terms.currency)} – ${money(p.terms.principal.max)}` },
    { key: 'term', title: t('product.term'), render: (p) => `${p.terms.term.min} – ${p.terms.term.max} · ${t(`freq.${p.terms.frequency}`)}` },
    { key: 'state', title: t('product.state'), render: (p) => <Tag>{p.retired ? t('product.retired') : t('product.onSale')}</Tag> },
  ];
  if (admin) {
    columns.push({ key: 'actions', title: t('product.actions'), render: (p) => (p.retired ? '—' : (
      <Space wrap>
        <Button size="small" onClick={() => setAmending(p)} data-testid={`amend-${p.id}`}>{t('product.amend')}</Button>
        <RetireProductButton product={p} onError={setActionError} />
      </Space>
    )) });
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('nav.products')}</Typography.Title>
      <ProblemAlert error={products.error ?? actionError} />
      <Card title={h2(t('product.list'))}>
        <ResponsiveTable<Product> label={t('product.list')} testId="product-list" rows={products.data?.items ?? []} rowKey={(p) => p.id} loading={products.isFetching} columns={columns} />
      </Card>
      {admin && <Card title={h2(t('product.define'))}><DefineProductForm /></Card>}
      {admin && <AmendProductDrawer product={amending} onClose={() => setAmending(null)} />}
    </Space>
  );
}
