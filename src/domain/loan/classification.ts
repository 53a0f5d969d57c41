import type { Classification } from './events.js';

/** Five-category boundaries: a loan is in a category once its days past due exceed the number. */
export interface ClassificationThresholds {
  specialMention: number;
  substandard: number;
  doubtful: number;
  loss: number;
}

/** China's five categories (商业银行金融资产风险分类办法): any overdue, > 90, > 270, > 360 days. */
export const DEFAULT_THRESHOLDS: ClassificationThresholds = { specialMention: 0, substandard: 90, doubtful: 270, loss: 360 };

/** The category for a number of days past due; monotonic in days. */
export function classify(daysPastDue: number, t: ClassificationThresholds = DEFAULT_THRESHOLDS): Classification {
  if (daysPastDue > t.loss) return 'loss';
  if (daysPastDue > t.doubtful) return 'doubtful';
  if (daysPastDue > t.substandard) return 'substandard';
  if (daysPastDue > t.specialMention) return 'special-mention';
  return 'normal';
}

/** The last three categories are non-performing; we raise the NPA flag exactly for them. */
export function isNonPerforming(c: Classification): boolean {
  return c === 'substandard' || c === 'doubtful' || c === 'loss';
}
