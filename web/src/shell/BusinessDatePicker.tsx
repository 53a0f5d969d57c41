import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import { DatePicker, type DatePickerProps } from 'antd';
import type { Dayjs } from 'dayjs';
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

/**
 * The console's only date picker (a day, YYYY-MM-DD): its today highlight and 今天 button are the
 * server's business date, never the browser's clock (GET /v1/business-date). `notAfterBusinessDate`
 * also disables the days after it (combined with any `disabledDate` given). Until the business date
 * is known the picker is disabled; if it cannot be read the picker works without a 今天 button.
 */
export function BusinessDatePicker({ notAfterBusinessDate = false, disabledDate, ...props }: DatePickerProps<Dayjs, false> & { notAfterBusinessDate?: boolean }) {
  const businessDate = useBusinessDate();
  if (businessDate.isPending) return <DatePicker {...props} disabled />;
  if (businessDate.isError) return <DatePicker {...props} disabledDate={disabledDate} showNow={false} />;
  const afterToday = notAfterBusinessDate ? outsideBounds({ latest: businessDate.data }) : () => false;
  const Picker = pickerFor(businessDate.data);
  return <Picker {...props} disabledDate={(day, info) => afterToday(day) || (disabledDate?.(day, info) ?? false)} />;
}
