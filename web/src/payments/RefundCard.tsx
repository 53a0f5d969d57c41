import { Alert, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { instant, money } from '../shell/format';
import { ProblemAlert } from '../shell/ProblemAlert';
import { BankPayoutSettle } from './BankPayoutSettle';
import { PayoutApproval } from './PayoutApproval';
import { ProviderPayoutFollowUp } from './ProviderPayoutFollowUp';
import { RefundForm } from './RefundForm';
import { useRefundDesk, type Payout, type StartedPayout } from './refunds-api';

// Plain tags: antd's coloured tags fall short of AA contrast (as StatusTag says).
/**
 * The loan's refund desk: the server's credit, what pending payouts hold and what is free; an officer
 * starts a payout through a channel, a second officer approves (or rejects) it, and both watch it
 * (polled) until the channel confirms or fails it.
 */
export function RefundCard({ loanId }: { loanId: string }) {
  const t = useT();
  const { session } = useSession();
  const desk = useRefundDesk(loanId);
  const [started, setStarted] = useState<StartedPayout | null>(null);
  const officer = session?.role === 'officer';
  const current = started ? desk.data?.items.find((p) => p.id === started.id) : undefined;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="refunds">
      <ProblemAlert error={desk.error} />
      {desk.data && (
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} items={[
          { key: 'credit', label: t('refund.credit'), children: money(desk.data.creditBalance, desk.data.currency) },
          { key: 'reserved', label: t('refund.reserved'), children: money(desk.data.reserved, desk.data.currency) },
          { key: 'refundable', label: t('refund.refundable'), children: <span data-testid="refundable">{money(desk.data.refundable, desk.data.currency)}</span> },
        ]} />
      )}
      {started && (
        <Alert showIcon type={(current?.status ?? started.status) === 'failed' ? 'warning' : (current?.status ?? started.status) === 'confirmed' ? 'success' : 'info'} data-testid="refund-status"
          title={`${t('refund.started', { amount: money(started.amount, started.currency) })} — ${t(`refund.status.${current?.status ?? started.status}`)}`}
          description={started.actionUrl && (current?.status ?? started.status) === 'pending'
            ? <a href={started.actionUrl} target="_blank" rel="noreferrer" data-testid="refund-gateway">{t('refund.openGateway')}</a> : undefined} />
      )}
      {officer && desk.data && /[1-9]/.test(desk.data.refundable) && <RefundForm loanId={loanId} currency={desk.data.currency} onStarted={setStarted} />}
      <Typography.Title level={3} style={{ fontSize: 14 }}>{t('refund.list')}</Typography.Title>
      <Table<Payout> rowKey="id" size="small" pagination={false} dataSource={desk.data?.items ?? []} locale={{ emptyText: <Typography.Text>{t('refund.none')}</Typography.Text> }} data-testid="refund-list"
        expandable={officer ? {
          rowExpandable: (p) => p.status === 'pending' || p.status === 'awaiting_approval',
          expandedRowRender: (p) => {
            // Four eyes: a payout is sent only once a second officer approves it (the server refuses its maker).
            if (p.status === 'awaiting_approval') return <PayoutApproval loanId={loanId} payoutId={p.id} onApproved={setStarted} />;
            return p.channel === 'bank-transfer' ? <BankPayoutSettle loanId={loanId} payoutId={p.id} /> : <ProviderPayoutFollowUp loanId={loanId} payoutId={p.id} />;
          },
        } : undefined}
        columns={[
          { title: t('refund.created'), dataIndex: 'createdAt', render: (v: string) => instant(v) },
          { title: t('refund.channel'), dataIndex: 'channel', render: (c: Payout['channel']) => t(`channel.${c}`) },
          { title: t('field.amount'), dataIndex: 'amount', align: 'right', render: (v: string, p) => money(v, p.currency) },
          // A pending sandbox payout is paid out on the gateway's page: the desk keeps its link, not only the approval's answer (QA 12 W7).
          { title: t('refund.status'), dataIndex: 'status', render: (s: Payout['status'], p) => (
            <Space size={4} wrap>
              <Tag title={p.failure?.reason ?? p.rejection?.reason}>{t(`refund.status.${s}`)}</Tag>
              {p.actionUrl && <a href={p.actionUrl} target="_blank" rel="noreferrer" data-testid={`payout-gateway-${p.id}`}>{t('refund.openGateway')}</a>}
            </Space>
          ) },
          { title: t('refund.reference'), key: 'ref', render: (_, p) => p.confirmation?.channelReference ?? '—' },
        ]} />
    </Space>
  );
}
