import { Descriptions, Table } from 'antd';
import { useT, type MessageKey } from '../i18n/i18n';
import { money } from '../shell/format';
import { ScrollRegion } from '../shell/ScrollRegion';
import type { LoanQuote } from './quote';

/** A quote as the server sent it: totals, APR with the method it was computed by, and the schedule. */
export function QuoteView({ quote }: { quote: LoanQuote }) {
  const t = useT();
  const c = quote.currency;
  return (
    <div data-testid="quote">
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('quote.apr')}><strong>{quote.apr} %</strong> ({t(`quote.aprMethod.${quote.aprMethod}` as MessageKey)})</Descriptions.Item>
        <Descriptions.Item label={t('quote.totalInterest')}>{money(quote.totalInterest, c)}</Descriptions.Item>
        <Descriptions.Item label={t('quote.totalFees')}>{money(quote.totalFees, c)}</Descriptions.Item>
        <Descriptions.Item label={t('quote.totalRepayment')}>{money(quote.totalRepayment, c)}</Descriptions.Item>
        <Descriptions.Item label={t('quote.netDisbursed')}>{money(quote.netDisbursed, c)}</Descriptions.Item>
      </Descriptions>
      <ScrollRegion label={t('loan.schedule')}>
        <Table rowKey="number" size="small" pagination={false} dataSource={quote.rows} style={{ marginTop: 12 }}
          columns={[
            { title: '#', dataIndex: 'number' },
            { title: t('row.dueDate'), dataIndex: 'dueDate' },
            { title: t('row.principal'), dataIndex: 'principal', align: 'right', render: (v: string) => money(v) },
            { title: t('row.interest'), dataIndex: 'interest', align: 'right', render: (v: string) => money(v) },
            { title: t('row.total'), dataIndex: 'total', align: 'right', render: (v: string) => money(v) },
            { title: t('row.balance'), dataIndex: 'balance', align: 'right', render: (v: string) => money(v) },
          ]} />
      </ScrollRegion>
    </div>
  );
}
