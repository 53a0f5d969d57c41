import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { getJson } from '../api/client';
import { ScrollRegion } from '../shell/ScrollRegion';
import { useT } from '../i18n/i18n';
import { PagerButtons } from '../search/PagerButtons';
import { useCursorPages } from '../search/useCursorPages';
import type { Page } from '../search/api';
import { instant, money } from '../shell/format';
import { STAFF } from '../shell/office-access';
import { ProblemAlert } from '../shell/ProblemAlert';
import { RequireRole } from '../shell/RequireRole';
import { useSession } from '../session/session';
import { ActorName } from '../users/ActorName';
import { decisionsFor, DECISION_QUEUES } from './decisions';
import { QueueDecisionCell } from './QueueDecisionCell';
import { QUEUES, type WorkItem } from './queues';
import { waitReasonText } from './wait-reason';

/** Who may decide what waits in a four-eyes queue (src/api/auth/policy.ts: officer or underwriter; admin only reads). */
const DECIDERS: readonly string[] = ['officer', 'underwriter'];

/**
 * One work queue, oldest first: each row links to the loan (or the customer, for KYC review) and says
 * why it waits. The server leaves out the caller's own submissions where four eyes apply.
 */
export function QueuePage() {
  const { queue = '' } = useParams();
  const known = QUEUES.find((q) => q.name === queue);
  // A queue the role may not open (a shared link) says so, instead of a 403 behind a spinner.
  return <RequireRole roles={known?.roles ?? STAFF}><QueueList queue={queue} known={known} /></RequireRole>;
}

function QueueList({ queue, known }: { queue: string; known: (typeof QUEUES)[number] | undefined }) {
  const t = useT();
  const pages = useCursorPages();
  const { session } = useSession();
  const decides = DECIDERS.includes(session?.role ?? '');
  const items = useQuery({
    queryKey: ['queue', queue, pages.cursor],
    queryFn: () => getJson<Page<WorkItem>>(`/v1/queues/${encodeURIComponent(queue)}`, { cursor: pages.cursor }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{known ? t(known.title) : queue}</Typography.Title>
      <Card>
        <ProblemAlert error={items.error} />
        <ScrollRegion label={known ? t(known.title) : queue}><Table<WorkItem> rowKey="id" size="small" pagination={false} loading={items.isFetching} dataSource={items.data?.items ?? []} data-testid="queue"
          locale={{ emptyText: t('queue.empty') }}
          columns={[
            {
              title: t('queue.item'), key: 'item',
              render: (_, item) => (item.loanId
                ? <Link to={`/office/loans/${item.loanId}`}>{t('goto.loan')} {item.loanId}</Link>
                : <Link to={`/office/customers/${item.customerId}`}>{t('goto.customer')} {item.customerId}</Link>),
            },
            { title: t('queue.reason'), key: 'reason', render: (_, item) => waitReasonText(t, item) },
            { title: t('queue.waitingSince'), dataIndex: 'waitingSince', render: (v: string) => instant(v) },
            { title: t('queue.by'), key: 'by', render: (_, item) => {
              const by = item.submittedBy ?? item.requestedBy;
              return by ? <ActorName sub={by} /> : '—';
            } },
            { title: t('loan.principal'), dataIndex: 'principal', align: 'right', render: (v: string | null, item) => money(v, item.currency ?? undefined) },
            { title: t('loan.customer'), dataIndex: 'customerId', render: (id: string) => <Link to={`/office/customers/${id}`}>{id}</Link> },
            ...(decides && DECISION_QUEUES.includes(queue) ? [{
              title: t('queue.actions'), key: 'decide',
              render: (_: unknown, item: WorkItem) => {
                const decision = decisionsFor(queue, item);
                return decision ? <QueueDecisionCell queue={queue} id={item.reference ?? item.id} decision={decision} /> : '—';
              },
            }] : []),
          ]} /></ScrollRegion>
        <PagerButtons page={pages.page} nextCursor={items.data?.nextCursor} onPrevious={pages.previous} onNext={pages.next} />
      </Card>
    </Space>
  );
}
