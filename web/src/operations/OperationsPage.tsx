import { Space, Typography } from 'antd';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { CloseOfBusinessCard } from './CloseOfBusinessCard';
import { ProjectionsCard } from './ProjectionsCard';

/** Operations: close of business (officer, admin) and projection status and rebuild (admin). */
export function OperationsPage() {
  const t = useT();
  const { session } = useSession();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('nav.operations')}</Typography.Title>
      <CloseOfBusinessCard />
      {session?.role === 'admin' && <ProjectionsCard />}
    </Space>
  );
}
