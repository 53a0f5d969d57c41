import { App, Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { useAssignLine, useSuspense, type SuspenseLine } from '../payments/statements-api';
import { PagerButtons } from '../search/PagerButtons';
import { useCursorPages } from '../search/useCursorPages';
import { useSession } from '../session/session';
import { money } from '../shell/format';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ScrollRegion } from '../shell/ScrollRegion';

/** Assigns one suspended line to a loan (officer): the server records it as that loan's repayment. */
function AssignForm({ line, onAssigned }: { line: SuspenseLine; onAssigned: (position: string, loanId: string) => void }) {
  const t = useT();
  const assign = useAssignLine();
  return (
    <Form layout="inline" name={`assign-${line.id}`} onFinish={(v: { loanId: string }) => assign.mutate({ lineId: line.id, loanId: v.loanId.trim() }, { onSuccess: (r) => onAssigned(r.position, v.loanId.trim()) })}>
      <ProblemAlert error={assign.error} />
      <Form.Item name="loanId" label={t('suspense.loanId', { line: line.bankTxnId })} rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
      <Button htmlType="submit" loading={assign.isPending} data-testid={`assign-${line.id}`}>{t('suspense.assign')}</Button>
    </Form>
  );
}

/** The payment suspense queue: bank statement lines no loan could be found for, oldest first, each assignable to a loan. */
export function SuspenseQueuePage() {
  const t = useT();
  const { message } = App.useApp();
  const { session } = useSession();
  const pages = useCursorPages();
  const [minPosition, setMinPosition] = useState<string | undefined>(undefined);
  const lines = useSuspense(pages.cursor, minPosition);
  const officer = session?.role === 'officer';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('queue.payment-suspense')}</Typography.Title>
      <Card>
        <ProblemAlert error={lines.error} />
        <ScrollRegion label={t('queue.payment-suspense')}><Table<SuspenseLine> rowKey="id" size="small" pagination={false} loading={lines.isFetching} dataSource={lines.data?.items ?? []} data-testid="suspense"
          locale={{ emptyText: <Typography.Text>{t('suspense.empty')}</Typography.Text> }}
          columns={[
            { title: t('statement.line'), dataIndex: 'bankTxnId' },
            { title: t('suspense.date'), dataIndex: 'date' },
            { title: t('suspense.amount'), dataIndex: 'amount', align: 'right', render: (v: string, l) => money(v, l.currency) },
            { title: t('suspense.memo'), dataIndex: 'memo' },
            { title: t('suspense.reason'), dataIndex: 'reason' },
            ...(officer ? [{
              title: t('suspense.assign'), key: 'assign',
              render: (_: unknown, l: SuspenseLine) => <AssignForm line={l} onAssigned={(position, loanId) => { setMinPosition(position); void message.success(t('suspense.assigned', { line: l.bankTxnId, loan: loanId })); }} />,
            }] : []),
          ]} /></ScrollRegion>
        <PagerButtons page={pages.page} nextCursor={lines.data?.nextCursor} onPrevious={pages.previous} onNext={pages.next} />
      </Card>
    </Space>
  );
}
