import { Button, Typography } from 'antd';
import type { HistoryEvent } from '../api/types';
import { labelOf, useT } from '../i18n/i18n';
import { instant } from '../shell/format';
import { ActorName } from '../users/ActorName';

/** One event on the timeline: type (its label, the raw type beside it for citing), business time, actor, revision, hash (and what it chains to), its data on demand. */
export function EventEntry({ event, onPick }: { event: HistoryEvent; onPick: () => void }) {
  const t = useT();
  return (
    <div data-testid="timeline-event">
      <Button type="link" style={{ padding: 0 }} onClick={onPick}><strong>{labelOf(t, 'event.', event.type)}</strong></Button>
      {' '}<Typography.Text code style={{ fontSize: 12 }}>{event.type}</Typography.Text>
      <div>{t('timeline.business')}: {instant(event.occurredAt)} · {t('timeline.actor')}: <ActorName sub={event.actor.sub} role={event.actor.role} /></div>
      <div>{t('timeline.revisionShort')} {event.revision} · {t('timeline.hash')}: <Typography.Text code copyable={{ text: event.hash }}>{event.hash.slice(0, 16)}…</Typography.Text></div>
      <details>
        <summary>{t('timeline.data')}</summary>
        <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>{JSON.stringify(event.data, null, 2)}</pre>
      </details>
    </div>
  );
}
