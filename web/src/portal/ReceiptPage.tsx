import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useT, type MessageKey } from '../i18n/i18n';
import { instant, money } from '../shell/format';
import { PageSpinner } from '../shell/PageSpinner';
import { ProblemAlert } from '../shell/ProblemAlert';
import { PaidInState } from './PaidInState';
import { usePaidIn } from './receipts-api';

/** Printing shows the receipt alone: the portal's header, navigation and the page's own links are left off the paper. */
const PRINT_ONLY_RECEIPT = '@media print { header, nav, .receipt-screen-only { display: none !important; } }';

/**
 * One payment's receipt, to read or print (QA 12 W10): the loan, when it was paid and recorded, the
 * amount and how the server applied it, the channel and reference, and — once reversed — that it
 * no longer stands. `:revision` names the payment in the loan's stream.
 */
export function ReceiptPage() {
  const t = useT();
  const { loanId = '', revision = '' } = useParams();
  const paidIn = usePaidIn(loanId);
  const payment = paidIn.data?.find((p) => p.revision === revision);
  const c = payment?.currency;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <style>{PRINT_ONLY_RECEIPT}</style>
      <Space className="receipt-screen-only" wrap>
        <Link to={`/portal/loans/${encodeURIComponent(loanId)}/receipts`}>{t('receipt.backToList')}</Link>
        {payment && <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-receipt">{t('receipt.print')}</Button>}
      </Space>
      <ProblemAlert error={paidIn.error} />
      {paidIn.isPending && <PageSpinner />}
      {paidIn.data && !payment && <Alert type="warning" showIcon title={t('receipt.notFound')} />}
      {payment && (
        <Card data-testid="receipt" title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t('receipt.title')}</Typography.Title>}>
          {payment.reversed && <Alert type="warning" showIcon title={t('receipt.reversedNote')} style={{ marginBottom: 12 }} />}
          <Descriptions bordered size="small" column={1} items={[
            { key: 'loan', label: t('loan.id'), children: <span style={{ overflowWrap: 'anywhere' }}>{loanId}</span> },
            { key: 'kind', label: t('tx.type'), children: t(`tx.${payment.type}`) },
            { key: 'date', label: t('receipt.paidOn'), children: payment.date },
            { key: 'amount', label: t('field.amount'), children: <strong data-testid="receipt-amount">{money(payment.amount, c)}</strong> },
            { key: 'channel', label: t('field.channel'), children: t(`channel.${payment.channel}` as MessageKey) },
            { key: 'reference', label: t('field.reference'), children: <span data-testid="receipt-reference" style={{ overflowWrap: 'anywhere' }}>{payment.reference}</span> },
            ...(payment.type === 'repayment' && !payment.reversed ? [{
              key: 'split', label: t('receipt.appliedTo'),
              children: `${t('row.principal')} ${money(payment.allocation.principal, c)} · ${t('row.interest')} ${money(payment.allocation.interest, c)} · `
                + `${t('row.fee')} ${money(payment.allocation.fee, c)} · ${t('row.penalty')} ${money(payment.allocation.penalty, c)} · ${t('tx.excess')} ${money(payment.allocation.excess, c)}`,
            }] : []),
            { key: 'state', label: t('row.status'), children: <PaidInState payment={payment} /> },
            { key: 'recorded', label: t('receipt.recordedAt'), children: instant(payment.recordedAt) },
          ]} />
        </Card>
      )}
    </Space>
  );
}
