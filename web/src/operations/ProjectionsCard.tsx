import { Button, Card, Table, Tag, Typography } from 'antd';
import type { ProjectionStatus } from '../api/types';
import { labelOf, useT } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useProjections, useRebuild } from './api';
import { ScrollRegion } from '../shell/ScrollRegion';

/** Every read model's position, lag and state, with a rebuild button (shadow rebuild, then swap). */
export function ProjectionsCard() {
  const t = useT();
  const projections = useProjections();
  const rebuild = useRebuild();
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('proj.title')}</Typography.Title>}>
      <ProblemAlert error={projections.error ?? rebuild.error} />
      <ScrollRegion label={t('proj.title')}><Table<ProjectionStatus> size="small" rowKey="name" pagination={false} dataSource={projections.data?.items ?? []} data-testid="projections"
        columns={[
          { title: t('proj.name'), dataIndex: 'name', render: (name: string) => (
            <>{labelOf(t, 'proj.model.', name)} <Typography.Text type="secondary" code>{name}</Typography.Text></>
          ) },
          { title: t('proj.state'), dataIndex: 'state', render: (s: string) => <Tag>{labelOf(t, 'proj.state.', s)}</Tag> },
          { title: t('proj.position'), dataIndex: 'position', align: 'right' },
          { title: t('proj.lag'), key: 'lag', align: 'right', render: (_, p) => `${p.lagEvents} / ${p.lagSeconds} s` },
          { title: t('proj.error'), dataIndex: 'error', render: (e: string | null) => e ?? '—' },
          { title: t('proj.action'), key: 'rebuild', render: (_, p) => (
            <Button size="small" disabled={p.state === 'rebuilding'} loading={rebuild.isPending && rebuild.variables === p.name}
              aria-label={t('proj.rebuildOne', { name: labelOf(t, 'proj.model.', p.name) })} onClick={() => rebuild.mutate(p.name)}>{t('proj.rebuild')}</Button>
          ) },
        ]} /></ScrollRegion>
    </Card>
  );
}
