import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useT } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { STAFF_ROLES, useCreateUser, type StaffRole, type StaffUser } from './api';
import { newPasswordRules } from '../shell/person-rules';

interface Values {
  username: string;
  role: StaffRole;
  password?: string;
}

/** Creates a staff account; leave the password empty for a one-time one, handed to `onCreated` to show once. */
export function CreateUserForm({ onCreated }: { onCreated(user: StaffUser): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const submit = (v: Values) => create.mutate(
    { username: v.username.trim(), role: v.role, ...(v.password ? { password: v.password } : {}) },
    { onSuccess: (user) => { form.resetFields(); create.reset(); onCreated(user as StaffUser); } },
  );
  return (
    <Form<Values> form={form} layout="vertical" name="create-user" onFinish={submit} initialValues={{ role: 'officer' }}>
      <ProblemAlert error={create.error} />
      <Row gutter={12}>
        <Col xs={24} md={8}><Form.Item name="username" label={t('users.username')} rules={[{ required: true, message: t('form.required') }]}><Input autoComplete="off" /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="role" label={t('users.role')}>
          <Select options={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="password" label={t('users.password')} extra={t('users.passwordHint')} rules={newPasswordRules(t, { optional: true })}><Input.Password autoComplete="new-password" /></Form.Item></Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="submit-create-user">{t('users.create')}</Button>
    </Form>
  );
}
