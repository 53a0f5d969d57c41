import { LogoutOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ActorName } from '../users/ActorName';

/** Who is signed in (a staff member's name, else the sub; and the role) and a sign-out button. */
export function UserMenu() {
  const t = useT();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  if (!session) return null;
  return (
    <Space size="small">
      <Typography.Text data-testid="who"><ActorName sub={session.sub} /> · {t(`role.${session.role}`)}</Typography.Text>
      <Button size="small" icon={<LogoutOutlined />} onClick={() => { signOut(); navigate('/login'); }}>{t('session.signOut')}</Button>
    </Space>
  );
}
