import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import { DatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useBusinessDate } from './business-date';
import { businessDayConfig } from './business-day-config';
import { outsideBounds } from './date-bounds';

type Picker = typeof DatePicker;

/** One picker type per business date (the date moves on once a day), so a re-render does not remount the open picker. */
const pickers = new Map<string, Picker>();

function pickerFor(businessDate: string): Picker {
  let picker = pickers.get(businessDate);
  if (!picker) {
    picker = DatePicker.generatePicker(businessDayConfig(dayjsGenerateConfig, businessDate)) as Picker;
    pickers.set(businessDate, picker);
  }
  return picker;
}

const DAY = 'YYYY-MM-DD';

/** The day a field's text names in full (YYYY-MM-DD, a real calendar day), or null. */
function typedDay(field: EventTarget): Dayjs | null {
  const text = field instanceof HTMLInputElement ? field.value.trim() : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = dayjs(text);
  return day.isValid() && day.format(DAY) === text ? day : null;
}

/**
 * The console's only date picker (a day, YYYY-MM-DD): its today highlight and 今天 button are the
 * server's business date, never the browser's clock (GET /v1/business-date). `notAfterBusinessDate`
 * also disables the days after it (combined with any `disabledDate` given). Until the business date
 * is known the picker is disabled; if it cannot be read the picker works without a 今天 button.
 *
 * A disabled date typed into the field is handed to `onChange` when the field is left, where antd would
 * drop it and show the date it held before (the business date an effective date starts at): the owner
 * refuses it visibly (a form's dateBoundsRule), so a back-date out of range is never recorded as today.
 */
export function BusinessDatePicker({ notAfterBusinessDate = false, disabledDate, onChange, onBlur, onKeyDown, ...props }: DatePickerProps<Dayjs, false> & { notAfterBusinessDate?: boolean }) {
  const businessDate = useBusinessDate();
  if (businessDate.isPending) return <DatePicker {...props} disabled />;
  const afterToday = notAfterBusinessDate && businessDate.data ? outsideBounds({ latest: businessDate.data }) : () => false;
  const disabled: NonNullable<typeof disabledDate> = (day, info) => afterToday(day) || (disabledDate?.(day, info) ?? false);
  // Read from the field as the user leaves it (Tab, Enter, a click elsewhere), before the picker puts its last date back.
  const keepTyped = (field: EventTarget) => {
    const typed = typedDay(field);
    if (typed && disabled(typed, { type: 'date' }) && !typed.isSame(props.value, 'day')) onChange?.(typed, typed.format(DAY));
  };
  const Picker = businessDate.isError ? DatePicker : pickerFor(businessDate.data);
  return (
    <Picker {...props} disabledDate={disabled} onChange={onChange} showNow={businessDate.isError ? false : props.showNow}
      onKeyDown={(event, preventDefault) => {
        if (event.key === 'Tab' || event.key === 'Enter') keepTyped(event.target);
        onKeyDown?.(event, preventDefault);
      }}
      onBlur={(event, info) => {
        keepTyped(event.target);
        onBlur?.(event, info);
      }} />
  );
}
