import { Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { homeOf } from '../session/return-path';
import { useSession } from '../session/session';

/** A signed-in person opened a page their role may not use (a bookmark, a shared link): say so and offer their home page. */
export function NoAccess() {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useSession();
  return (
    <Card data-testid="no-access" style={{ maxWidth: 560, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 20 }}>{t('access.deniedTitle')}</Typography.Title>
      <Typography.Paragraph>{t('access.denied', { role: session ? t(`role.${session.role}`) : '' })}</Typography.Paragraph>
      {session && <Button type="primary" onClick={() => navigate(homeOf(session.role))}>{t('access.home')}</Button>}
    </Card>
  );
}
