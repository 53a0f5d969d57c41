import { Card, Col, Row, Slider, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { labelOf, useT } from '../i18n/i18n';
import { useHistory, useStateAfter } from '../loans/api';
import { LoanSummaryCard } from '../loans/LoanSummaryCard';
import { ScheduleTable } from '../loans/ScheduleTable';
import { instant } from '../shell/format';
import { ProblemAlert } from '../shell/ProblemAlert';
import { EventEntry } from './EventEntry';
import { StateAsOfDate } from './StateAsOfDate';

/**
 * Compliance replay: every event of the loan from the log (actor, business time, hash chain) and a
 * slider that shows the loan exactly as it stood after any one event (GET /v1/loans/:id/state?revision=),
 * a state it really was in even when later events were back-dated; and the loan as of a business date's end
 * (state?asOf=), where back-dated events count.
 *
 * Revisions count from 0, events from 1: every label names both (第 67 / 67 个事件（版本 66）) so the
 * slider, the replayed state and the event list agree.
 */
export function TimelinePage() {
  const t = useT();
  const { loanId = '' } = useParams();
  const history = useHistory(loanId);
  const events = history.data?.events ?? [];
  const [picked, setPicked] = useState<number | null>(null);
  const index = picked ?? events.length - 1;
  const selected = events[index];
  const state = useStateAfter(loanId, selected?.revision ?? null);
  const h2 = (text: string) => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{text}</Typography.Title>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, wordBreak: 'break-all' }}>{t('timeline.title')} {loanId}</Typography.Title>
      <ProblemAlert error={history.error} />
      {events.length > 0 && selected && (
        <Card title={h2(t('timeline.travel'))}>
          <Typography.Text strong id="time-travel-label">{t('timeline.slider')}</Typography.Text>
          <Slider id="time-travel" min={0} max={events.length - 1} value={index} onChange={setPicked}
            ariaLabelledByForHandle="time-travel-label" ariaValueTextFormatterForHandle={(i) => `${(i ?? 0) + 1} / ${events.length} · ${t('timeline.revisionShort')} ${events[i ?? 0]?.revision ?? ''}`}
            tooltip={{ formatter: (i) => events[i ?? 0]?.type }} data-testid="time-travel" />
          <Typography.Paragraph data-testid="as-of">
            {t('timeline.asOf', { n: index + 1, total: events.length, revision: selected.revision, type: labelOf(t, 'event.', selected.type), at: instant(selected.occurredAt) })}
          </Typography.Paragraph>
          <ProblemAlert error={state.error} />
          {state.data && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text data-testid="state-revision">{t('timeline.revision', { revision: state.data.revision, n: events.findIndex((e) => e.revision === state.data.revision) + 1 })}</Typography.Text>
              <LoanSummaryCard loan={state.data.summary} />
              {state.data.schedule.rows.length > 0 && <ScheduleTable schedule={state.data.schedule} />}
            </Space>
          )}
        </Card>
      )}
      {events.length > 0 && <StateAsOfDate loanId={loanId} />}
      <Row gutter={16}>
        <Col xs={24}>
          <Card title={h2(t('timeline.events', { n: events.length }))}>
            <Timeline data-testid="timeline" items={events.map((e, i) => ({
              key: e.revision,
              color: i === index ? 'blue' : 'gray',
              content: <EventEntry event={e} onPick={() => setPicked(i)} />,
            }))} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
