import type { UseQueryResult } from '@tanstack/react-query';
import { Typography } from 'antd';
import type { Schedule } from '../api/types';
import { useT } from '../i18n/i18n';
import { PageSpinner } from '../shell/PageSpinner';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ScheduleTable } from './ScheduleTable';

/** A loan's schedule: the table once there are rows, the refusal when the read failed, else the note that disbursement makes it. */
export function ScheduleOrNote({ schedule }: { schedule: UseQueryResult<Schedule> }) {
  const t = useT();
  if (schedule.isPending) return <PageSpinner />;
  if (schedule.error) return <ProblemAlert error={schedule.error} />;
  if (schedule.data.rows.length > 0) return <ScheduleTable schedule={schedule.data} />;
  return <Typography.Text>{t('loan.noSchedule')}</Typography.Text>;
}
