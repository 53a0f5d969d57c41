import { Link } from 'react-router';
import type { LoanSummary } from '../api/types';
import { useT, type MessageKey } from '../i18n/i18n';
import { StatusTag } from '../loans/StatusTag';
import { money } from '../shell/format';
import { ResponsiveTable } from '../shell/ResponsiveTable';

/** Loan summaries as a table (cards on a phone); each row links to the loan and its customer. */
export function LoanTable({ loans, loading }: { loans: LoanSummary[]; loading: boolean }) {
  const t = useT();
  return (
    <ResponsiveTable<LoanSummary> label={t('nav.loans')} testId="loan-list" rows={loans} rowKey={(l) => l.id} loading={loading}
      columns={[
        { key: 'id', title: t('loan.id'), render: (l) => <Link to={`/office/loans/${l.id}`}>{l.id}</Link> },
        { key: 'customer', title: t('loan.customer'), render: (l) => <Link to={`/office/customers/${l.customerId}`}>{l.customerId}</Link> },
        { key: 'status', title: t('loan.status'), render: (l) => <StatusTag status={l.status} /> },
        { key: 'principal', title: t('loan.principal'), align: 'right', render: (l) => money(l.principal, l.currency) },
        { key: 'outstanding', title: t('loan.outstandingTotal'), align: 'right', render: (l) => money(l.outstanding.total, l.currency) },
        { key: 'dpd', title: t('list.dpd'), align: 'right', render: (l) => l.daysPastDue },
        { key: 'classification', title: t('list.classification'), render: (l) => (l.classification ? t(`class.${l.classification}` as MessageKey) : '—') },
      ]} />
  );
}
