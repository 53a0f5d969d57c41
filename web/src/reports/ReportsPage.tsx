import { Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { REPORTS } from './api';
import { ReportTable } from './ReportTable';

/** Portfolio, five-category classification, PAR, trial balance and AML reports, each with a CSV download. */
export function ReportsPage() {
  const t = useT();
  const [id, setId] = useState(REPORTS[0]?.id ?? '');
  const report = REPORTS.find((r) => r.id === id);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('nav.reports')}</Typography.Title>
      <Radio.Group aria-label={t('nav.reports')} optionType="button" value={id} onChange={(e) => setId(String(e.target.value))}
        options={REPORTS.map((r) => ({ value: r.id, label: t(r.title) }))} style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }} />
      {report && <ReportTable key={report.id} report={report} />}
    </Space>
  );
}
