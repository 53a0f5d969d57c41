import { Card, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { useStateAsOf } from '../loans/api';
import { LoanSummaryCard } from '../loans/LoanSummaryCard';
import { ScheduleTable } from '../loans/ScheduleTable';
import { useLenderCalendar } from '../shell/business-date';
import { outsideBounds } from '../shell/date-bounds';
import { BusinessDatePicker } from '../shell/BusinessDatePicker';
import { endOfDayIn } from '../shell/end-of-day';
import { ProblemAlert } from '../shell/ProblemAlert';

/**
 * The loan as of the end of a business date (GET /v1/loans/:id/state?asOf=, the day's last instant in the
 * lender's time zone): every event effective by then, back-dated ones included — what the books say now
 * about that day, beside the slider's state as it was recorded at the time. Days after the business date are not offered.
 */
export function StateAsOfDate({ loanId }: { loanId: string }) {
  const t = useT();
  const calendar = useLenderCalendar().data;
  const timeZone = calendar?.timeZone ?? 'Asia/Shanghai';
  const [picked, setPicked] = useState<Dayjs | null>(null);
  // A day typed after the business date is refused here, not replaced by the day shown before (nor sent).
  const refused = picked !== null && calendar !== undefined && outsideBounds({ latest: calendar.date })(picked);
  const date = picked === null || refused ? null : picked.format('YYYY-MM-DD');
  const state = useStateAsOf(loanId, date === null ? null : endOfDayIn(date, timeZone));
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('timeline.byDate')}</Typography.Title>} data-testid="state-as-of">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong id="as-of-date-label">{t('timeline.byDateHint')}</Typography.Text>
        <BusinessDatePicker id="as-of-date" aria-labelledby="as-of-date-label" notAfterBusinessDate value={picked}
          status={refused ? 'error' : undefined} aria-invalid={refused} aria-describedby={refused ? 'as-of-date-error' : undefined}
          onChange={(d: Dayjs | null) => setPicked(d)} />
        {refused && <Typography.Text type="danger" id="as-of-date-error" data-testid="as-of-date-error">{t('form.dateNotAfter', { latest: calendar.date })}</Typography.Text>}
        <ProblemAlert error={state.error} />
        {date !== null && state.data && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text data-testid="as-of-date-state">{t('timeline.byDateState', { date, revision: state.data.revision })}</Typography.Text>
            <LoanSummaryCard loan={state.data.summary} />
            {state.data.schedule.rows.length > 0 && <ScheduleTable schedule={state.data.schedule} />}
          </Space>
        )}
      </Space>
    </Card>
  );
}
