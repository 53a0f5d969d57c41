import { Button, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../i18n/i18n';
import type { AuditFilter } from './api';
import { auditFilterOfForm, pickedTime, type AuditFormValues } from './audit-query';

// A day picked without a time runs from its first to its last moment, so "from 12-01 to 12-01" is that
// whole day (QA 12 W8: the end took 00:00 and left the day itself out).
const DAY_START = { defaultOpenValue: dayjs().startOf('day') };
const DAY_END = { defaultOpenValue: dayjs().endOf('day') };

/**
 * The audit search's filters, starting from `filter`; `onSearch` gets them as the route takes them (times as ISO
 * instants). Times are picked and shown on the lender's clock (`timeZone`), as the list shows them.
 */
export function AuditFilters({ filter, timeZone, onSearch }: { filter: AuditFilter; timeZone: string; onSearch(filter: AuditFilter): void }) {
  const t = useT();
  return (
    <Form<AuditFormValues> layout="vertical" name="audit" onFinish={(v) => onSearch(auditFilterOfForm(v, timeZone))}
      initialValues={{ stream: filter.stream, actor: filter.actor, type: filter.type, from: pickedTime(filter.from, timeZone), to: pickedTime(filter.to, timeZone) }}>
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
