import { Button, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../i18n/i18n';
import type { AuditFilter } from './api';

interface Values {
  stream?: string;
  actor?: string;
  type?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

const text = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : undefined);

// A day picked without a time runs from its first to its last moment, so "from 12-01 to 12-01" is that
// whole day (QA 12 W8: the end took 00:00 and left the day itself out).
const DAY_START = { defaultOpenValue: dayjs().startOf('day') };
const DAY_END = { defaultOpenValue: dayjs().endOf('day') };

/** A time of the filter as the picker shows it; none for one that is no instant. */
const picked = (iso: string | undefined): Dayjs | undefined => {
  const time = iso === undefined ? undefined : dayjs(iso);
  return time?.isValid() ? time : undefined;
};

/** The audit search's filters, starting from `filter`; `onSearch` gets them as the route takes them (times as ISO instants). */
export function AuditFilters({ filter, onSearch }: { filter: AuditFilter; onSearch(filter: AuditFilter): void }) {
  const t = useT();
  const submit = (v: Values) => onSearch({
    stream: text(v.stream), actor: text(v.actor), type: text(v.type),
    // Both ends take in the whole second shown (the picker shows no milliseconds).
    from: v.from ? v.from.startOf('second').toISOString() : undefined, to: v.to ? v.to.endOf('second').toISOString() : undefined,
  });
  return (
    <Form<Values> layout="vertical" name="audit" onFinish={submit}
      initialValues={{ stream: filter.stream, actor: filter.actor, type: filter.type, from: picked(filter.from), to: picked(filter.to) }}>
      <Row gutter={12}>
        <Col xs={24} md={8}><Form.Item name="stream" label={t('audit.stream')} extra={t('audit.streamHint')}><Input allowClear /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="actor" label={t('audit.actor')}><Input allowClear /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="type" label={t('audit.type')}><Input allowClear placeholder="LoanDisbursed" /></Form.Item></Col>
        <Col xs={12} md={8}><Form.Item name="from" label={t('audit.from')}><DatePicker showTime={DAY_START} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} md={8}><Form.Item name="to" label={t('audit.to')}><DatePicker showTime={DAY_END} style={{ width: '100%' }} /></Form.Item></Col>
      </Row>
      <Button type="primary" htmlType="submit" data-testid="audit-search">{t('audit.search')}</Button>
    </Form>
  );
}
