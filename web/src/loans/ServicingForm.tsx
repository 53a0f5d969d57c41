import { Button, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { HistoryEvent } from '../api/types';
import { useT, type Translate } from '../i18n/i18n';
import { amountRules } from '../shell/amount-rules';
import { periodRules } from '../shell/period-rules';
import { rateRules } from '../shell/rate-rules';
import { BusinessDatePicker } from '../shell/BusinessDatePicker';
import { dateBoundsRule, outsideBounds, type DateBounds } from '../shell/date-bounds';
import { confirmDateWithoutSubmit } from '../shell/date-enter';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ProblemFieldMarks } from '../shell/ProblemFieldMarks';
import { actionEarliest } from './action-earliest';
import { useServicingCommand } from './servicing-command';
import type { ActionField, ServicingAction } from './servicing-actions';

type Values = Record<string, string | number | boolean | Dayjs | undefined>;

/** Only the fields the user filled go out; dates as YYYY-MM-DD, amounts as the decimal strings typed, ticked flags as true. */
function bodyOf(action: ServicingAction, values: Values): Record<string, string | number | boolean> {
  const body: Record<string, string | number | boolean> = { ...action.fixed };
  for (const field of action.fields) {
    const value = values[field.name];
    if (value === undefined || value === null || value === '' || value === false) continue;
    body[field.name] = typeof value === 'object' ? value.format('YYYY-MM-DD') : value;
  }
  return body;
}

/** The control for one field; Form.Item injects id, value and onChange, which go straight through to it. */
function FieldInput({ field, bounds, waiting, ...control }: { field: ActionField; bounds: DateBounds; waiting: readonly string[]; id?: string; value?: never; onChange?: never }) {
  const t = useT();
  switch (field.kind) {
    case 'date': return <BusinessDatePicker {...control} disabledDate={outsideBounds(bounds)} onKeyDown={confirmDateWithoutSubmit} style={{ width: '100%' }} />;
    // No min/max on the control: it would clamp a typed 0 to 1 on blur and send it (QA 12 W2); the rule refuses it instead.
    case 'number': return <InputNumber {...control} style={{ width: '100%' }} />;
    case 'select': return <Select {...control} options={field.options?.map((o) => ({ value: o.value, label: t(o.label) }))} />;
    case 'waiting': return <Select {...control} options={waiting.map((reference) => ({ value: reference, label: reference }))} />;
    case 'amount': case 'rate': return <Input {...control} inputMode="decimal" />;
    case 'text': return <Input {...control} />;
    case 'flag': return <Checkbox {...control} />;
  }
}

/**
 * The dates a field offers: the loan's bounds raised to the action's own earliest date (action-earliest.ts),
 * without the business-date limit where the field may follow it.
 */
function boundsOf(field: ActionField, action: ServicingAction, bounds: DateBounds, events: readonly HistoryEvent[], values: Values | undefined): DateBounds {
  const own = actionEarliest(action.id, events, values);
  const earliest = own !== undefined && (bounds.earliest === undefined || own > bounds.earliest) ? own : bounds.earliest;
  const later = field.mayFollowBusinessDate;
  return later && later.is.includes(String(values?.[later.when] ?? '')) ? { earliest } : { latest: bounds.latest, earliest };
}

/** An effective date starts at the business date (what the server assumes when none is sent), a waiting request at the oldest; other fields start empty. */
function initialValuesOf(action: ServicingAction, bounds: DateBounds, waiting: readonly string[]): Values {
  const values: Values = {};
  for (const field of action.fields) {
    if (field.name === 'effectiveDate' && bounds.latest) values[field.name] = dayjs(bounds.latest);
    if (field.kind === 'waiting' && waiting[0] !== undefined) values[field.name] = waiting[0];
  }
  return values;
}

/** A field's rules: amounts (required or not) always check their shape, in the loan's currency's places; a date, its bounds. */
function rulesOf(field: ActionField, currency: string, bounds: DateBounds, t: Translate): Rule[] {
  if (field.kind === 'date') return [...(field.required ? [{ required: true, message: t('form.required') }] : []), dateBoundsRule(t, bounds)];
  if (field.kind === 'amount') return amountRules(t, { required: field.required, currency });
  if (field.kind === 'rate') return rateRules(t, { required: field.required });
  if (field.kind === 'number') return periodRules(t, { required: field.required });
  return field.required ? [{ required: true, message: t('form.required') }] : [];
}

/**
 * One servicing command as a labelled form; shows the API's problem when it refuses, `onDone` after it lands.
 * Date pickers offer only dates within `bounds` (the business date, the loan's disbursement); a decision
 * on a request offers the references `waiting` for it on the loan. A date typed outside them is a field
 * message and the form is not sent.
 */
export function ServicingForm({ loanId, currency, action, bounds, events = [], waiting = [], onDone }: {
  loanId: string; currency: string; action: ServicingAction; bounds: DateBounds; events?: readonly HistoryEvent[]; waiting?: readonly string[]; onDone: (outcome: { awaitsApproval: boolean }) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const command = useServicingCommand(loanId, action.action);
  const values = Form.useWatch((all: Values) => all, form);
  // One submission at a time (Enter in a text field submits too); a landed command clears the form
  // back to its initial values without validating it, so the next entry starts clean.
  const [modal, modalHolder] = Modal.useModal();
  const send = (body: Record<string, string | number | boolean>) => {
    if (command.isPending) return;
    command.mutate(body, { onSuccess: (outcome) => { form.resetFields(); onDone(outcome); } });
  };
  // An action that cannot be undone shows what will be sent and waits for a second click (QA 12 W2).
  const submit = (filled: Values) => {
    const body = bodyOf(action, filled);
    if (!action.confirm) return send(body);
    const shown = action.fields.filter((field) => body[field.name] !== undefined);
    void modal.confirm({
      title: t(action.confirm),
      content: (
        <Descriptions size="small" column={1} data-testid={`confirm-${action.id}`}>
          {shown.map((field) => <Descriptions.Item key={field.name} label={t(field.label)}>{String(body[field.name])}</Descriptions.Item>)}
        </Descriptions>
      ),
      okText: t(action.title),
      onOk: () => send(body),
    });
  };
  return (
    <Form form={form} layout="vertical" name={action.id} initialValues={initialValuesOf(action, bounds, waiting)} onFinish={submit}>
      {modalHolder}
      <ProblemAlert error={command.error} />
      <ProblemFieldMarks error={command.error} />
      {action.fields.map((field) => {
        const fieldBounds = boundsOf(field, action, bounds, events, values);
        return (
          <Form.Item key={field.name} name={field.name} label={t(field.label)} valuePropName={field.kind === 'flag' ? 'checked' : 'value'}
            rules={rulesOf(field, currency, fieldBounds, t)}>
            <FieldInput field={field} bounds={fieldBounds} waiting={waiting} />
          </Form.Item>
        );
      })}
      <Button type="primary" htmlType="submit" loading={command.isPending} data-testid={`submit-${action.id}`}>{t(action.title)}</Button>
    </Form>
  );
}
