import { Descriptions } from 'antd';
import { useT, type MessageKey } from '../i18n/i18n';
import { money } from '../shell/format';
import { ResponsiveTable } from '../shell/ResponsiveTable';
import type { LoanQuote } from './quote';

type Row = LoanQuote['rows'][number];

/** A quote as the server sent it: totals, APR with the method it was computed by, and the schedule (cards on a phone). */
export function QuoteView({ quote }: { quote: LoanQuote }) {
  const t = useT();
  const c = quote.currency;
  return (
    <div data-testid="quote">
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('quote.apr')}><strong>{quote.apr} %</strong> ({t(`quote.aprMethod.${quote.aprMethod}` as MessageKey)})</Descriptions.Item>
        <Descriptions.Item label={t('quote.totalInterest')}>{money(quote.totalInterest, c)}</Descriptions.Item>
        <Descriptions.Item label={t('quote.totalFees')}>{money(quote.totalFees, c)}</Descriptions.Item>
        <Descriptions.Item label={t('quote.totalRepayment')}>{money(quote.totalRepayment, c)}</Descriptions.Item>
        <Descriptions.Item label={t('quote.netDisbursed')}>{money(quote.netDisbursed, c)}</Descriptions.Item>
      </Descriptions>
      <ResponsiveTable<Row> label={t('loan.schedule')} rows={quote.rows} rowKey={(r) => String(r.number)} cardTitle={(r) => `#${r.number} · ${r.dueDate}`}
        columns={[
          { key: 'number', title: '#', render: (r) => r.number },
          { key: 'dueDate', title: t('row.dueDate'), render: (r) => r.dueDate },
          { key: 'principal', title: t('row.principal'), align: 'right', render: (r) => money(r.principal) },
          { key: 'interest', title: t('row.interest'), align: 'right', render: (r) => money(r.interest) },
          { key: 'total', title: t('row.total'), align: 'right', render: (r) => money(r.total) },
          { key: 'balance', title: t('row.balance'), align: 'right', render: (r) => money(r.balance) },
        ]} />
    </div>
  );
}
