import { Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useT, type MessageKey } from '../i18n/i18n';
import { money } from '../shell/format';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ResponsiveTable } from '../shell/ResponsiveTable';
import { PaidInState } from './PaidInState';
import { usePaidIn, type PaidIn } from './receipts-api';

/** The borrower's payments on one loan, newest first — date, amount, channel, reference, reversed or not — each opening its receipt (QA 12 W10). */
export function ReceiptsPage() {
  const t = useT();
  const { loanId = '' } = useParams();
  const paidIn = usePaidIn(loanId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('receipt.listTitle')}</Typography.Title>
      <Link to={`/portal/loans/${encodeURIComponent(loanId)}`}>{t('receipt.backToLoan')}</Link>
      <ProblemAlert error={paidIn.error} />
      {!paidIn.error && (
        <ResponsiveTable<PaidIn> label={t('receipt.listTitle')} testId="receipts" rows={paidIn.data ?? []} loading={paidIn.isPending} rowKey={(p) => p.revision}
          empty={t('receipt.none')}
          columns={[
            { key: 'date', title: t('tx.date'), render: (p) => p.date },
            { key: 'amount', title: t('field.amount'), align: 'right', render: (p) => (p.reversed ? <Typography.Text delete>{money(p.amount, p.currency)}</Typography.Text> : money(p.amount, p.currency)) },
            { key: 'channel', title: t('field.channel'), render: (p) => t(`channel.${p.channel}` as MessageKey) },
            { key: 'reference', title: t('field.reference'), render: (p) => <span style={{ overflowWrap: 'anywhere' }}>{p.reference}</span> },
            { key: 'state', title: t('row.status'), render: (p) => <PaidInState payment={p} /> },
            { key: 'open', title: t('receipt.title'), render: (p) => (
              <Link to={`/portal/loans/${encodeURIComponent(loanId)}/receipts/${encodeURIComponent(p.revision)}`} data-testid={`open-receipt-${p.reference}`}>{t('receipt.open')}</Link>
            ) },
          ]} />
      )}
    </Space>
  );
}
