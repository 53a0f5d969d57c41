import { Button, Form, Input } from 'antd';
import { useT } from '../i18n/i18n';
import { emailRules, phoneRules } from '../shell/person-rules';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ProblemFieldMarks } from '../shell/ProblemFieldMarks';
import { useRegisterCustomer, type Registration } from './api';
import { NationalIdFields } from './NationalIdFields';

/** Registers a customer (a borrower itself, with its own customer id, or an officer for one); `onDone` gets the new id. */
export function RegisterForm({ customerId, onDone }: { customerId?: string; onDone: (id: string) => void }) {
  const t = useT();
  const register = useRegisterCustomer();
  const submit = (v: Registration) =>
    register.mutate({ ...(customerId ? { customerId } : {}), name: v.name, nationalId: v.nationalId.trim(), ...(v.nationalIdType ? { nationalIdType: v.nationalIdType } : {}), phone: v.phone, ...(v.email ? { email: v.email } : {}) }, {
      onSuccess: (r) => onDone(r.id),
    });
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Form<Registration> layout="vertical" onFinish={submit} name="register">
      <ProblemAlert error={register.error} />
      <ProblemFieldMarks error={register.error} />
      <Form.Item name="name" label={t('customer.name')} rules={required}><Input autoComplete="name" /></Form.Item>
      <NationalIdFields />
      <Form.Item name="phone" label={t('customer.phone')} rules={phoneRules(t)}><Input inputMode="tel" autoComplete="tel" /></Form.Item>
      <Form.Item name="email" label={t('customer.email')} rules={emailRules(t, { optional: true })}><Input inputMode="email" autoComplete="email" /></Form.Item>
      <Button type="primary" htmlType="submit" block loading={register.isPending}>{t('customer.register')}</Button>
    </Form>
  );
}
