import { useQuery } from '@tanstack/react-query';
import { Space, Table, Tag, Typography } from 'antd';
import { getJson } from '../api/client';
import type { ApiResponse, Schema } from '../api/schema';
import { useT, type MessageKey } from '../i18n/i18n';
import { PagerButtons } from '../search/PagerButtons';
import { useCursorPages } from '../search/useCursorPages';
import { money } from '../shell/format';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ScrollRegion } from '../shell/ScrollRegion';
import { ActorName } from '../users/ActorName';
import { loanKey } from './api';
import { isReversed, transactionDetail } from './transaction-detail';

/** One money movement as GET /v1/loans/:id/transactions sends it (the LoanTransaction schema: one shape per type). */
type Transaction = Schema<'LoanTransaction'>;

/** The loan's money movements by value date, then recording order (the server's), a page at a time; a reversed repayment or recovery is tagged 已冲正, its amount struck through. */
export function TransactionsTable({ loanId }: { loanId: string }) {
  const t = useT();
  const pages = useCursorPages('txCursor');
  const transactions = useQuery({
    queryKey: [...loanKey(loanId), 'transactions', pages.cursor],
    queryFn: () => getJson<ApiResponse<'loans.transactions'>>(`/v1/loans/${encodeURIComponent(loanId)}/transactions`, { cursor: pages.cursor }),
  });
  return (
    <>
      <ProblemAlert error={transactions.error} />
      <ScrollRegion label={t('tx.title')}>
        <Table<Transaction> rowKey="revision" size="small" pagination={false} loading={transactions.isFetching} dataSource={transactions.data?.items ?? []} data-testid="transactions"
          columns={[
            { title: t('tx.date'), dataIndex: 'date' },
            { title: t('tx.type'), dataIndex: 'type', render: (type: string, tx) => isReversed(tx)
              ? <Space size={4}>{t(`tx.${type}` as MessageKey)}<Tag color="default" data-testid="tx-reversed">{t('tx.reversedMark')}</Tag></Space>
              : t(`tx.${type}` as MessageKey) },
            { title: t('field.amount'), dataIndex: 'amount', align: 'right', render: (v: string, tx) => isReversed(tx) ? <Typography.Text delete>{money(v, tx.currency)}</Typography.Text> : money(v, tx.currency) },
            { title: t('tx.detail'), key: 'detail', render: (_, tx) => transactionDetail(tx, t) },
            { title: t('timeline.actor'), key: 'actor', render: (_, tx) => <ActorName sub={tx.actor.sub} role={tx.actor.role} /> },
          ]} />
      </ScrollRegion>
      <PagerButtons page={pages.page} nextCursor={transactions.data?.nextCursor} onPrevious={pages.previous} onNext={pages.next} />
    </>
  );
}
