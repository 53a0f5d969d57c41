import { Card, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { Classification } from '../api/types';
import { useT, type MessageKey } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useLoanList } from './api';
import { LoanTable } from './LoanTable';
import { PagerButtons } from './PagerButtons';
import { useCursorPages } from './useCursorPages';

const STATUSES = ['submitted', 'assessed', 'approved', 'rejected', 'withdrawn', 'active', 'overdue', 'overpaid', 'closed', 'written_off'];
const CLASSES: Classification[] = ['normal', 'special-mention', 'substandard', 'doubtful', 'loss'];

/** Every loan the caller may see (GET /v1/loans), filtered by status and five-category classification, a page at a time. */
export function LoansListPage() {
  const t = useT();
  const [params] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const classification = (params.get('classification') ?? undefined) as Classification | undefined;
  const customerId = params.get('customerId') ?? undefined;
  const pages = useCursorPages();
  const list = useLoanList({ status, classification, customerId, cursor: pages.cursor });
  // A new filter starts again at the first page, in the same history entry's query.
  const setFilter = (name: string, value: string | undefined) => pages.reset((next) => {
    if (value) next.set(name, value);
    else next.delete(name);
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('nav.loans')}</Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select allowClear aria-label={t('loan.status')} placeholder={t('loan.status')} style={{ minWidth: 160 }} value={status} id="filter-status"
            onChange={(v?: string) => setFilter('status', v)} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}` as MessageKey) }))} />
          <Select allowClear aria-label={t('list.classification')} placeholder={t('list.classification')} style={{ minWidth: 160 }} value={classification} id="filter-classification"
            onChange={(v?: string) => setFilter('classification', v)} options={CLASSES.map((c) => ({ value: c, label: t(`class.${c}` as MessageKey) }))} />
          {customerId && <Typography.Text>{t('loan.customer')}: {customerId}</Typography.Text>}
        </Space>
        <ProblemAlert error={list.error} />
        <LoanTable loans={list.data?.items ?? []} loading={list.isFetching} />
        <PagerButtons page={pages.page} nextCursor={list.data?.nextCursor} onPrevious={pages.previous} onNext={pages.next} />
      </Card>
    </Space>
  );
}
