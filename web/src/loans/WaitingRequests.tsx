import { Descriptions, Space } from 'antd';
import { useT } from '../i18n/i18n';
import type { WorkItem } from '../queues/queues';
import { waitReasonText } from '../queues/wait-reason';
import { instant } from '../shell/format';
import { ActorName } from '../users/ActorName';

/** The staff member who asked, by name; a dash when the item names nobody. */
const whoAsked = (sub: string | null | undefined) => (sub ? <ActorName sub={sub} /> : '—');

/**
 * The four-eyes requests waiting on the loan that a panel decides or stands behind: who asked, when
 * (the lender's time) and what, worded from the item's reasonCode as the work queues word it.
 */
export function WaitingRequests({ items }: { items: readonly WorkItem[] }) {
  const t = useT();
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%', marginBottom: 16 }}>
      {items.map((item) => (
        <Descriptions key={item.reference ?? item.id} bordered size="small" column={1} data-testid={`waiting-${item.reference ?? item.id}`}>
          <Descriptions.Item label={t('waiting.requestedBy')}>{whoAsked(item.requestedBy ?? item.submittedBy)}</Descriptions.Item>
          <Descriptions.Item label={t('waiting.since')}>{instant(item.waitingSince)}</Descriptions.Item>
          <Descriptions.Item label={t('waiting.what')}>{waitReasonText(t, item)}</Descriptions.Item>
        </Descriptions>
      ))}
    </Space>
  );
}
