import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Space } from 'antd';
import { getJson, postJson } from '../api/client';
import { useT } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import type { QueueDecision } from './decisions';

/**
 * A checker's decision on one waiting item: approve, or reject with a reason. The server refuses
 * the item's own maker (FOUR_EYES_REQUIRED), shown here; once decided, the queue is read again
 * after the projections caught up, so the item leaves it.
 */
export function QueueDecisionCell({ queue, id, decision }: { queue: string; id: string; decision: QueueDecision }) {
  const t = useT();
  const client = useQueryClient();
  const decide = useMutation({
    mutationFn: async ({ path, body }: { path: string; body: Record<string, unknown> }) => {
      const result = await postJson<{ position: string }>(path, body);
      await getJson(`/v1/queues/${encodeURIComponent(queue)}`, { minPosition: result.position });
      return result;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['queue', queue] }),
  });
  return (
    <Space orientation="vertical" size="small">
      <ProblemAlert error={decide.error} />
      <Button type="primary" size="small" loading={decide.isPending} data-testid={`approve-${id}`}
        onClick={() => decide.mutate({ path: decision.approve, body: {} })}>{t('queue.approve')}</Button>
      {decision.reject !== null && (
        <Form layout="inline" size="small" name={`reject-${id}`} onFinish={(v: { reason: string }) => decide.mutate({ path: decision.reject ?? '', body: { reason: v.reason } })}>
          <Form.Item name="reason" label={t('queue.rejectReason')} rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
          <Button htmlType="submit" size="small" loading={decide.isPending} data-testid={`reject-${id}`}>{t('queue.reject')}</Button>
        </Form>
      )}
    </Space>
  );
}
