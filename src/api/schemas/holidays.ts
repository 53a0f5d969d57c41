import { z } from 'zod';
import { minPositionParam } from '../routes/queries/read-your-writes.js';
import { businessDate } from './common.js';
import { freeText, TEXT_LIMITS } from './free-text.js';

export const holidayBody = z
  .object({
    date: businessDate,
    name: freeText(TEXT_LIMITS.name).meta({ example: 'Company anniversary' }),
  })
  .strict();

export const holidayParams = z.object({ date: businessDate }).strict();

export const holidayDeletionBody = z.object({}).strict().nullish();

export const holidaysQuery = z
  .object({ year: z.string().regex(/^\d{4}$/, 'expected a year such as 2026').optional().meta({ description: 'Defaults to the current business year' }), minPosition: minPositionParam })
  .strict();

const day = z.object({ date: z.string().meta({ example: '2026-02-17' }), name: z.string().meta({ example: 'Spring Festival' }) });

export const holidaysResponse = z
  .object({
    year: z.string(),
    holidays: z.array(day.extend({ source: z.enum(['mainland-china', 'lender']) })),
    workingWeekends: z.array(day).meta({ description: 'Saturdays and Sundays worked in lieu (调休), mainland China calendar' }),
  })
  .meta({ description: 'Non-working days of the year beyond ordinary weekends, and weekends that are worked' });
