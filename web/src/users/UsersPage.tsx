import { Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { instant } from '../shell/format';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ResponsiveTable } from '../shell/ResponsiveTable';
import { useStaffUsers, type StaffUser } from './api';
import { CreateUserForm } from './CreateUserForm';
import { OneTimeSecret } from './OneTimeSecret';
import { UserActions } from './UserActions';

const h2 = (text: string) => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{text}</Typography.Title>;

/** Administrators' staff accounts (GET /v1/users): create, change role, disable/enable, reset, end sessions. */
export function UsersPage() {
  const t = useT();
  const users = useStaffUsers();
  const [secret, setSecret] = useState<{ username: string; value: string } | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const showSecret = (u: StaffUser) => setSecret(u.temporaryPassword ? { username: u.username, value: u.temporaryPassword } : null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('nav.users')}</Typography.Title>
      {secret && <OneTimeSecret username={secret.username} secret={secret.value} onDone={() => setSecret(null)} />}
      <Card title={h2(t('users.create'))}><CreateUserForm onCreated={showSecret} /></Card>
      <Card title={h2(t('users.list'))}>
        <ProblemAlert error={users.error ?? actionError} />
        <ResponsiveTable<StaffUser> label={t('users.list')} testId="user-list" rows={users.data?.items ?? []} rowKey={(u) => u.id} loading={users.isFetching}
          columns={[
            { key: 'username', title: t('users.username'), render: (u) => u.username },
            { key: 'status', title: t('users.status'), render: (u) => <Tag>{t(`users.status.${u.status}`)}</Tag> },
            { key: 'totp', title: t('users.totp'), render: (u) => t(u.totpEnrolled ? 'users.yes' : 'users.no') },
            { key: 'created', title: t('users.createdAt'), render: (u) => instant(u.createdAt) },
            { key: 'actions', title: t('users.actions'), render: (u) => <UserActions user={u} onSecret={showSecret} onError={setActionError} /> },
          ]} />
      </Card>
    </Space>
  );
}
