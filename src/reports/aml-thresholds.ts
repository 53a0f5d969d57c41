/** Large-value reporting thresholds per currency (PBoC: 50 000 CNY a day); a currency without one is not screened. */
export type AmlThresholds = Readonly<Record<string, string>>;

export const DEFAULT_AML_THRESHOLDS: AmlThresholds = { CNY: '50000' };
