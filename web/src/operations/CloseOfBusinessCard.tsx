import { Button, Card, Descriptions, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../i18n/i18n';
import { useBusinessDate, useLenderCalendar } from '../shell/business-date';
import { BusinessDatePicker } from '../shell/BusinessDatePicker';
import { dateBoundsRule } from '../shell/date-bounds';
import { confirmDateWithoutSubmit } from '../shell/date-enter';
import { PageSpinner } from '../shell/PageSpinner';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useCloseOfBusiness } from './api';

/**
 * Close the business day (the server's business date by default, never a later one): accrual, overdue, penalties,
 * classification; shows today's business date and the last day closed, then what the server did.
 */
export function CloseOfBusinessCard() {
  const t = useT();
  const close = useCloseOfBusiness();
  const businessDate = useBusinessDate();
  const calendar = useLenderCalendar().data;
  const r = close.data;
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('cob.title')}</Typography.Title>}>
      <ProblemAlert error={close.error} />
      {calendar && (
        <Descriptions style={{ marginBottom: 16 }} size="small" column={{ xs: 1, md: 3 }} data-testid="cob-calendar">
          <Descriptions.Item label={t('cob.today')}>{calendar.date}</Descriptions.Item>
          <Descriptions.Item label={t('cob.lastClosed')}>{calendar.lastClosed ?? t('cob.neverClosed')}</Descriptions.Item>
          <Descriptions.Item label={t('cob.timeZone')}>{calendar.timeZone}</Descriptions.Item>
        </Descriptions>
      )}
      {businessDate.isPending ? <PageSpinner /> : (
      <Form<{ date: Dayjs }> layout="inline" name="cob" initialValues={{ date: businessDate.data ? dayjs(businessDate.data) : undefined }} onFinish={(v) => close.mutate({ date: v.date.format('YYYY-MM-DD') })}>
        <Form.Item name="date" label={t('cob.date')} rules={[{ required: true, message: t('form.required') }, dateBoundsRule(t, { latest: businessDate.data })]}><BusinessDatePicker notAfterBusinessDate onKeyDown={confirmDateWithoutSubmit} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={close.isPending} data-testid="submit-cob">{t('cob.run')}</Button>
      </Form>
      )}
      {r && (
        <Descriptions style={{ marginTop: 16 }} bordered size="small" column={{ xs: 1, md: 2 }} data-testid="cob-result">
          <Descriptions.Item label={t('cob.datesClosed')}>{r.datesClosed.join(', ') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cob.loansScanned')}>{r.loansScanned}</Descriptions.Item>
          <Descriptions.Item label={t('cob.loansChanged')}>{r.loansChanged}</Descriptions.Item>
          <Descriptions.Item label={t('cob.eventsAppended')}>{r.eventsAppended}</Descriptions.Item>
          <Descriptions.Item label={t('cob.duration')}>{r.durationMs} ms</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
