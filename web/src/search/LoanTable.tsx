import { Table } from 'antd';
import { Link } from 'react-router';
import type { LoanSummary } from '../api/types';
import { ScrollRegion } from '../shell/ScrollRegion';
import { useT, type MessageKey } from '../i18n/i18n';
import { StatusTag } from '../loans/StatusTag';
import { money } from '../shell/format';

/** Loan summaries as a table; each row links to the loan and its customer. */
export function LoanTable({ loans, loading }: { loans: LoanSummary[]; loading: boolean }) {
  const t = useT();
  return (
    <ScrollRegion label={t('nav.loans')}><Table<LoanSummary> rowKey="id" size="small" pagination={false} loading={loading} dataSource={loans} data-testid="loan-list"
      columns={[
        { title: t('loan.id'), dataIndex: 'id', render: (id: string) => <Link to={`/office/loans/${id}`}>{id}</Link> },
        { title: t('loan.customer'), dataIndex: 'customerId', render: (id: string) => <Link to={`/office/customers/${id}`}>{id}</Link> },
        { title: t('loan.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
        { title: t('loan.principal'), dataIndex: 'principal', align: 'right', render: (v: string, l) => money(v, l.currency) },
        { title: t('loan.outstandingTotal'), key: 'outstanding', align: 'right', render: (_, l) => money(l.outstanding.total, l.currency) },
        { title: t('list.dpd'), dataIndex: 'daysPastDue', align: 'right' },
        { title: t('list.classification'), dataIndex: 'classification', render: (c: string | null) => (c ? t(`class.${c}` as MessageKey) : '—') },
      ]} /></ScrollRegion>
  );
}
