import { App, Button, Popconfirm, Select, Space } from 'antd';
import { useT } from '../i18n/i18n';
import { STAFF_ROLES, useResetUser, useRevokeSessions, useSetEnabled, useSetRole, type StaffRole, type StaffUser } from './api';

interface Props {
  user: StaffUser;
  /** A reset went through: its one-time password went to the person's own contact. */
  onReset(user: StaffUser): void;
  /** Any refusal, shown above the list as the API worded it. */
  onError(error: unknown): void;
}

/** One account's actions: role, disable/enable, reset (one-time password to the person's contact), end sessions; each confirms first where it locks someone out. */
export function UserActions({ user, onReset, onError }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const setRole = useSetRole();
  const setEnabled = useSetEnabled();
  const reset = useResetUser();
  const revoke = useRevokeSessions();
  const done = () => { onError(null); void message.success(t('users.done')); };
  const disabled = user.status === 'disabled';
  return (
    <Space wrap>
      <Select<StaffRole> aria-label={t('users.roleOf', { username: user.username })} value={user.role as StaffRole} style={{ minWidth: 130 }} size="small"
        data-testid={`role-${user.username}`} loading={setRole.isPending}
        onChange={(role) => setRole.mutate({ id: user.id, role }, { onSuccess: done, onError })}
        options={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      <Popconfirm title={t(disabled ? 'users.enableConfirm' : 'users.disableConfirm', { username: user.username })} okText={t('users.confirm')} cancelText={t('users.cancel')}
        onConfirm={() => setEnabled.mutate({ id: user.id, enabled: disabled }, { onSuccess: done, onError })}>
        <Button size="small" loading={setEnabled.isPending} data-testid={`${disabled ? 'enable' : 'disable'}-${user.username}`}>{t(disabled ? 'users.enable' : 'users.disable')}</Button>
      </Popconfirm>
      <Popconfirm title={t('users.resetConfirm', { username: user.username })} okText={t('users.confirm')} cancelText={t('users.cancel')}
        onConfirm={() => reset.mutate(user.id, { onSuccess: (u) => { onError(null); onReset(u as StaffUser); reset.reset(); }, onError })}>
        <Button size="small" loading={reset.isPending} data-testid={`reset-${user.username}`}>{t('users.reset')}</Button>
      </Popconfirm>
      <Popconfirm title={t('users.revokeConfirm', { username: user.username })} okText={t('users.confirm')} cancelText={t('users.cancel')}
        onConfirm={() => revoke.mutate(user.id, {
          onSuccess: (r) => { onError(null); void message.success(t('users.revoked', { n: 'revoked' in r ? r.revoked : 0 })); }, onError,
        })}>
        <Button size="small" loading={revoke.isPending} data-testid={`revoke-${user.username}`}>{t('users.revoke')}</Button>
      </Popconfirm>
    </Space>
  );
}
