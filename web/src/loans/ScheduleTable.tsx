import { Card, Grid, List, Table, Tag } from 'antd';
import type { Schedule, ScheduleRow } from '../api/types';
import { useT } from '../i18n/i18n';
import { money } from '../shell/format';
import { ScrollRegion } from '../shell/ScrollRegion';

function RowStatus({ status }: { status: string }) {
  const t = useT();
  // Plain tags: antd's coloured ones fall short of AA contrast; overdue rows are marked in words.
  return <Tag>{t(`row.${status}` as 'row.paid') ?? status}</Tag>;
}

/** The repayment schedule with what was paid on each row; a table on a wide screen, cards on a phone. */
export function ScheduleTable({ schedule }: { schedule: Schedule }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const c = schedule.currency;
  if (!screens.md) {
    return (
      <List data-testid="schedule" dataSource={schedule.rows} renderItem={(r: ScheduleRow) => (
        <List.Item>
          <Card size="small" style={{ width: '100%' }} title={`#${r.number} · ${r.dueDate}`} extra={<RowStatus status={r.status} />}>
            <div>{t('row.total')}: <strong>{money(r.total, c)}</strong></div>
            <div>{t('row.paidAmount')}: {money(r.paid, c)}</div>
            {/* Every component the server gives, so the parts add up to the total above. */}
            <div data-testid="schedule-parts">{t('row.principal')} {money(r.principal)} · {t('row.interest')} {money(r.interest)} · {t('row.fee')} {money(r.fee)} · {t('row.penalty')} {money(r.penalty)}</div>
          </Card>
        </List.Item>
      )} />
    );
  }
  return (
    <ScrollRegion label={t('loan.schedule')}><Table<ScheduleRow> data-testid="schedule" size="small" rowKey="number" pagination={false} dataSource={schedule.rows}
      columns={[
        { title: '#', dataIndex: 'number' },
        { title: t('row.dueDate'), dataIndex: 'dueDate' },
        { title: t('row.principal'), dataIndex: 'principal', align: 'right', render: (v: string) => money(v) },
        { title: t('row.interest'), dataIndex: 'interest', align: 'right', render: (v: string) => money(v) },
        { title: t('row.fee'), dataIndex: 'fee', align: 'right', render: (v: string) => money(v) },
        { title: t('row.penalty'), dataIndex: 'penalty', align: 'right', render: (v: string) => money(v) },
        { title: t('row.total'), dataIndex: 'total', align: 'right', render: (v: string) => money(v) },
        { title: t('row.paidAmount'), dataIndex: 'paid', align: 'right', render: (v: string) => money(v) },
        { title: t('row.balance'), dataIndex: 'balance', align: 'right', render: (v: string) => money(v) },
        { title: t('row.status'), dataIndex: 'status', render: (s: string) => <RowStatus status={s} /> },
      ]} /></ScrollRegion>
  );
}
