import { Card, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { piiValue } from '../customers/pii-value';
import { ScrollRegion } from '../shell/ScrollRegion';
import { useT, type MessageKey } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useCustomerSearch, type CustomerHit } from './api';
import { PagerButtons } from './PagerButtons';
import { useCursorPages } from './useCursorPages';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The header search's results: customers matching `q` by name prefix, phone, national id or e-mail
 * (GET /v1/customers?q=, masked), each linking to the customer and its loans; an id opens directly.
 */
export function SearchPage() {
  const t = useT();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const pages = useCursorPages();
  const hits = useCustomerSearch(q, pages.cursor);
  const isId = ID.test(q);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('search.title', { q })}</Typography.Title>
      {isId && (
        <Space wrap>
          <Link to={`/office/loans/${q}`}>{t('search.openLoan')}</Link>
          <Link to={`/office/customers/${q}`}>{t('search.openCustomer')}</Link>
        </Space>
      )}
      <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('search.customers')}</Typography.Title>}>
        <ProblemAlert error={hits.error} />
        <ScrollRegion label={t('search.customers')}><Table<CustomerHit> rowKey="id" size="small" pagination={false} loading={hits.isFetching} dataSource={hits.data?.items ?? []} data-testid="customer-hits"
          columns={[
            { title: t('customer.name'), dataIndex: 'name', render: (name: string | null, c) => <Link to={`/office/customers/${c.id}`}>{name === null ? c.id : piiValue(t, name)}</Link> },
            { title: t('customer.phone'), dataIndex: 'phone', render: (v: string | null) => piiValue(t, v) },
            { title: t('customer.nationalId'), dataIndex: 'nationalId', render: (v: string | null) => piiValue(t, v) },
            { title: t('kyc.status'), dataIndex: 'kycStatus', render: (s: string) => t(`kyc.${s}` as MessageKey) },
            { title: t('search.matchedOn'), dataIndex: 'matchedOn', render: (fields: string[]) => fields.map((f) => t(`search.field.${f}` as MessageKey)).join(', ') },
            { title: t('nav.loans'), key: 'loans', render: (_, c) => <Link to={`/office/loans?customerId=${c.id}`}>{t('search.loansOf')}</Link> },
          ]} /></ScrollRegion>
        <PagerButtons page={pages.page} nextCursor={hits.data?.nextCursor} onPrevious={pages.previous} onNext={pages.next} />
      </Card>
    </Space>
  );
}
