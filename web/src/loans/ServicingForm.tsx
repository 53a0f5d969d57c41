import { Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useLoanCommand } from './api';
import type { ActionField, ServicingAction } from './servicing-actions';

type Values = Record<string, string | number | Dayjs | undefined>;

/** Only the fields the user filled go out; dates as YYYY-MM-DD, amounts as the decimal strings typed. */
function bodyOf(action: ServicingAction, values: Values): Record<string, string | number> {
  const body: Record<string, string | number> = { ...action.fixed };
  for (const field of action.fields) {
    const value = values[field.name];
    if (value === undefined || value === null || value === '') continue;
    body[field.name] = typeof value === 'object' ? value.format('YYYY-MM-DD') : value;
  }
  return body;
}

/** The control for one field; Form.Item injects id, value and onChange, which go straight through to it. */
function FieldInput({ field, ...control }: { field: ActionField; id?: string; value?: never; onChange?: never }) {
  const t = useT();
  switch (field.kind) {
    case 'date': return <DatePicker {...control} style={{ width: '100%' }} />;
    case 'number': return <InputNumber {...control} min={1} max={600} style={{ width: '100%' }} />;
    case 'select': return <Select {...control} options={field.options?.map((o) => ({ value: o.value, label: t(o.label) }))} />;
    case 'amount': return <Input {...control} inputMode="decimal" />;
    case 'text': return <Input {...control} />;
  }
}

/** One servicing command as a labelled form; shows the API's problem when it refuses, `onDone` after it lands. */
export function ServicingForm({ loanId, action, onDone }: { loanId: string; action: ServicingAction; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const command = useLoanCommand(loanId, action.action);
  return (
    <Form form={form} layout="vertical" name={action.id} onFinish={(values) => command.mutate(bodyOf(action, values), { onSuccess: () => { form.resetFields(); onDone(); } })}>
      <ProblemAlert error={command.error} />
      {action.fields.map((field) => (
        <Form.Item key={field.name} name={field.name} label={t(field.label)}
          rules={field.required ? [{ required: true, message: t('form.required') }] : field.kind === 'amount' ? [{ pattern: /^\d+(\.\d+)?$/, message: t('form.amount') }] : []}>
          <FieldInput field={field} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={command.isPending} data-testid={`submit-${action.id}`}>{t(action.title)}</Button>
    </Form>
  );
}
