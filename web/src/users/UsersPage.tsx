import { App, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { instant } from '../shell/format';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ResponsiveTable } from '../shell/ResponsiveTable';
import { useStaffUsers, type StaffUser } from './api';
import { CreateUserForm } from './CreateUserForm';
import { UserActions } from './UserActions';

const h2 = (text: string) => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{text}</Typography.Title>;

/** Administrators' staff accounts (GET /v1/users): create, change role, disable/enable, reset, end sessions. */
export function UsersPage() {
  const t = useT();
  const users = useStaffUsers();
  const { message } = App.useApp();
  const [actionError, setActionError] = useState<unknown>(null);
  // The server sent the one-time password to the person's own contact; the console only says where.
  const showSent = (u: StaffUser) => void message.success(t('users.sentTo', { username: u.username, contact: u.contact ?? '' }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('nav.users')}</Typography.Title>
      <Card title={h2(t('users.create'))}><CreateUserForm onCreated={showSent} /></Card>
      <Card title={h2(t('users.list'))}>
        <ProblemAlert error={users.error ?? actionError} />
        <ResponsiveTable<StaffUser> label={t('users.list')} testId="user-list" rows={users.data?.items ?? []} rowKey={(u) => u.id} loading={users.isFetching}
          columns={[
            { key: 'username', title: t('users.username'), render: (u) => u.username },
            { key: 'contact', title: t('users.contact'), render: (u) => u.contact ?? '—' },
            { key: 'status', title: t('users.status'), render: (u) => <Tag>{t(`users.status.${u.status}`)}</Tag> },
            { key: 'totp', title: t('users.totp'), render: (u) => t(u.totpEnrolled ? 'users.yes' : 'users.no') },
            { key: 'created', title: t('users.createdAt'), render: (u) => instant(u.createdAt) },
            { key: 'actions', title: t('users.actions'), render: (u) => <UserActions user={u} onReset={showSent} onError={setActionError} /> },
          ]} />
      </Card>
    </Space>
  );
}
