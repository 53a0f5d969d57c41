import type { EChartsCoreOption } from 'echarts/core';
import type { Translate } from '../i18n/i18n';
import type { CollectionRateRow } from '../reports/api';
import { ratioAsPercent } from '../shell/format';
import { AXIS_CHART_FRAME } from './chart-frame';

/**
 * The collection-rate chart: due and collected per month as bars (left axis), collected ÷ due as
 * a line (right axis), one set per currency. Every value is the server's string; ECharts only draws.
 */
export function collectionRateOption(rows: CollectionRateRow[], t: Translate): EChartsCoreOption {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const currencies = [...new Set(rows.map((r) => r.currency))];
  const at = (month: string, currency: string) => rows.find((r) => r.month === month && r.currency === currency);
  return {
    tooltip: { trigger: 'axis' }, ...AXIS_CHART_FRAME,
    xAxis: { type: 'category', data: months },
    yAxis: [{ type: 'value' }, { type: 'value', axisLabel: { formatter: (v: number) => ratioAsPercent(String(v)) } }],
    series: currencies.flatMap((c) => [
      { type: 'bar', name: `${t('dash.due')} ${c}`, data: months.map((m) => at(m, c)?.due ?? null) },
      { type: 'bar', name: `${t('dash.collected')} ${c}`, data: months.map((m) => at(m, c)?.collected ?? null) },
      { type: 'line', yAxisIndex: 1, name: `${t('dash.rate')} ${c}`, data: months.map((m) => at(m, c)?.rate ?? null),
        tooltip: { valueFormatter: (v: unknown) => ratioAsPercent(v === null || v === undefined ? null : String(v)) } },
    ]),
  };
}
