import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { getJson } from '../api/client';
import type { ApiResponse, Schema } from '../api/schema';
import { useT, type MessageKey } from '../i18n/i18n';
import { PagerButtons } from '../search/PagerButtons';
import { useCursorPages } from '../search/useCursorPages';
import { money } from '../shell/format';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ScrollRegion } from '../shell/ScrollRegion';
import { loanKey } from './api';

/** One money movement as GET /v1/loans/:id/transactions sends it (the LoanTransaction schema: one shape per type). */
type Transaction = Schema<'LoanTransaction'>;

/** What the server says the movement went to: the repayment's allocation, a waiver's reason, a channel and reference. */
function detailOf(tx: Transaction, t: (key: MessageKey) => string): string {
  const parts: string[] = [];
  if ('channel' in tx && tx.channel) parts.push(t(`channel.${tx.channel}` as MessageKey));
  if ('reference' in tx && tx.reference) parts.push(tx.reference);
  if ('allocation' in tx && tx.allocation) {
    parts.push(`${t('row.principal')} ${money(tx.allocation.principal)} · ${t('row.interest')} ${money(tx.allocation.interest)} · ${t('tx.excess')} ${money(tx.allocation.excess)}`);
  }
  if ('reason' in tx && tx.reason) parts.push(tx.reason);
  return parts.join(' · ');
}

/** The loan's money movements, oldest first, a page at a time. */
export function TransactionsTable({ loanId }: { loanId: string }) {
  const t = useT();
  const pages = useCursorPages();
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
            { title: t('tx.type'), dataIndex: 'type', render: (type: string) => t(`tx.${type}` as MessageKey) },
            { title: t('field.amount'), dataIndex: 'amount', align: 'right', render: (v: string, tx) => money(v, tx.currency) },
            { title: t('tx.detail'), key: 'detail', render: (_, tx) => detailOf(tx, t) },
            { title: t('timeline.actor'), key: 'actor', render: (_, tx) => `${tx.actor.sub} (${t(`role.${tx.actor.role}` as MessageKey)})` },
          ]} />
      </ScrollRegion>
      <PagerButtons page={pages.page} nextCursor={transactions.data?.nextCursor} onPrevious={pages.previous} onNext={pages.next} />
    </>
  );
}
