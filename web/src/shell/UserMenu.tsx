import { LogoutOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';

/** Who is signed in (sub and role) and a sign-out button. */
export function UserMenu() {
  const t = useT();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  if (!session) return null;
  return (
    <Space size="small">
      <Typography.Text data-testid="who">{session.sub} · {t(`role.${session.role}`)}</Typography.Text>
      <Button size="small" icon={<LogoutOutlined />} onClick={() => { signOut(); navigate('/login'); }}>{t('session.signOut')}</Button>
    </Space>
  );
}
