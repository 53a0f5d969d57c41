import { Button, Col, Form, Input, Row, Select } from 'antd';
import type { FormRule } from 'antd';
import { useT } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { MAINLAND_MOBILE } from '../shell/person-rules';
import { STAFF_ROLES, useCreateUser, type StaffRole, type StaffUser } from './api';

interface Values {
  username: string;
  role: StaffRole;
  contact: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates a staff account. The server sends its one-time password to the person's own contact
 * (segregation of duties: the administrator never sees it); `onCreated` gets the account, whose
 * `contact` is masked.
 */
export function CreateUserForm({ onCreated }: { onCreated(user: StaffUser): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const contactRules: FormRule[] = [
    { required: true, message: t('form.required') },
    { validator: (_, value: unknown) => {
      const text = typeof value === 'string' ? value.trim() : '';
      return text === '' || EMAIL.test(text) || MAINLAND_MOBILE.test(text.replace(/[ -]/g, '')) ? Promise.resolve() : Promise.reject(new Error(t('users.contactShape')));
    } },
  ];
  const submit = (v: Values) => create.mutate(
    { username: v.username.trim(), role: v.role, contact: v.contact.trim() },
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
        <Col xs={24} md={8}><Form.Item name="contact" label={t('users.contact')} extra={t('users.contactHint')} rules={contactRules}><Input autoComplete="off" /></Form.Item></Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="submit-create-user">{t('users.create')}</Button>
    </Form>
  );
}
