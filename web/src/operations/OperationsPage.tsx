import { Space, Typography } from 'antd';
import { useT } from '../i18n/i18n';
import { CloseOfBusinessCard } from './CloseOfBusinessCard';
import { ProjectionsCard } from './ProjectionsCard';

/** Operations (admin: the route lets no other role in): close of business, and projection status and rebuild. */
export function OperationsPage() {
  const t = useT();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('nav.operations')}</Typography.Title>
      <CloseOfBusinessCard />
      <ProjectionsCard />
    </Space>
  );
}
