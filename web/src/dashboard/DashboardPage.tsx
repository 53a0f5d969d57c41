import type { EChartsCoreOption } from 'echarts/core';
import { Card, Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import type { ReportRows } from '../api/types';
import { useT } from '../i18n/i18n';
import { useProducts } from '../products/api';
import { REPORTS, useCollectionRate, useMonthlyFlows, useReport } from '../reports/api';
import { useSession } from '../session/session';
import { usePreferences } from '../settings/preferences';
import { useBusinessDate } from '../shell/business-date';
import { ProblemAlert } from '../shell/ProblemAlert';
import { collectionRateOption } from './collection-rate-option';
import { AXIS_CHART_FRAME } from './chart-frame';
import { EChart } from './EChart';
import { flowsFrom } from './flows-window';

const report = (id: string) => REPORTS.find((r) => r.id === id) ?? REPORTS[0]!;
const CLASSES = ['normal', 'special-mention', 'substandard', 'doubtful', 'loss'] as const;
type Rows = ReportRows['rows'];
const FLOW_KINDS = ['disbursement', 'repayment', 'recovery', 'refund'] as const;

/**
 * The back office dashboard (its own lazy chunk with ECharts): outstanding by product and status,
 * money in and out per month by kind and channel, the monthly collection rate (collected ÷ due),
 * PAR30/60/90 and the five-category classification. Chart values are the server's decimal strings;
 * ECharts only draws them.
 */
export default function DashboardPage() {
  const t = useT();
  const dark = usePreferences().preferences.theme === 'dark';
  const role = useSession().session?.role;
  const seesRisk = role === 'underwriter' || role === 'compliance' || role === 'admin';
  const portfolio = useReport(report('portfolio'));
  const products = useProducts();
  const businessDate = useBusinessDate().data;
  const flows = useMonthlyFlows(businessDate === undefined ? undefined : flowsFrom(businessDate));
  const collection = useCollectionRate();
  const par = useReport(report('par'), seesRisk);
  const classification = useReport(report('classification'), seesRisk);

  const portfolioOption = useMemo(() => {
    const rows: Rows = portfolio.data ?? [];
    const statuses = [...new Set(rows.map((r) => String(r.status)))];
    const productIds = [...new Set(rows.map((r) => String(r.productId)))];
    const nameOf = (id: string) => products.data?.items.find((p) => p.id === id)?.terms.name ?? id;
    return {
      tooltip: {}, ...AXIS_CHART_FRAME,
      xAxis: { type: 'category', data: statuses.map((s) => t(`status.${s}` as 'status.active')) }, yAxis: { type: 'value' },
      series: productIds.map((p) => ({ type: 'bar', stack: 'all', name: nameOf(p), data: statuses.map((s) => rows.find((r) => r.productId === p && r.status === s)?.total ?? '0') })),
    };
  }, [portfolio.data, products.data, t]);
  const flowOption = useMemo(() => {
    const rows: Rows = flows.data ?? [];
    const periods = [...new Set(rows.map((r) => String(r.period)))].sort();
    // Several channels per kind and month: the chart shows each row as its own stacked segment, no sums here.
    return {
      tooltip: {}, ...AXIS_CHART_FRAME,
      xAxis: { type: 'category', data: periods }, yAxis: { type: 'value' },
      series: FLOW_KINDS.flatMap((kind) => [...new Set(rows.filter((r) => r.kind === kind).map((r) => String(r.channel)))].map((channel) => ({
        type: 'bar', stack: kind, name: `${t(`flow.${kind}`)} · ${t(`channel.${channel}` as 'channel.online')}`,
        data: periods.map((p) => rows.find((r) => r.period === p && r.kind === kind && r.channel === channel)?.amount ?? '0'),
      }))),
    };
  }, [flows.data, t]);
  const collectionOption = useMemo(() => collectionRateOption(collection.data ?? [], t), [collection.data, t]);
  const parOption = useMemo(() => ({
    tooltip: {}, grid: { containLabel: true, left: 8, right: 8 },
    xAxis: { type: 'category', data: (par.data ?? []).map((r) => `${r.bucket} ${r.currency}`) }, yAxis: { type: 'value' },
    series: [{ type: 'bar', name: t('dash.atRisk'), data: (par.data ?? []).map((r) => r.atRisk) }],
  }), [par.data, t]);
  const classOption = useMemo(() => ({
    tooltip: {}, legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: CLASSES.map((c) => ({
      name: t(`class.${c}`), value: (classification.data ?? []).filter((r) => r.classification === c).map((r) => r.outstanding)[0] ?? '0' })) }],
  }), [classification.data, t]);

  const chart = (title: string, option: EChartsCoreOption, testId: string) => (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{title}</Typography.Title>} data-testid={testId}>
      <EChart option={option} label={title} dark={dark} />
    </Card>
  );
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('nav.dashboard')}</Typography.Title>
      <ProblemAlert error={portfolio.error ?? flows.error ?? collection.error ?? par.error ?? classification.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>{chart(t('dash.portfolio'), portfolioOption, 'chart-portfolio')}</Col>
        <Col xs={24} xl={12}>{chart(t('dash.flows'), flowOption, 'chart-flows')}</Col>
        <Col xs={24} xl={12}>{chart(t('dash.collectionRate'), collectionOption, 'chart-collection-rate')}</Col>
        {seesRisk && <Col xs={24} xl={12}>{chart(t('dash.classification'), classOption, 'chart-classification')}</Col>}
        {seesRisk && <Col xs={24} xl={12}>{chart(t('dash.par'), parOption, 'chart-par')}</Col>}
      </Row>
    </>
  );
}
