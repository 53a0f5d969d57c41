import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Grid, List, Space, Table } from 'antd';
import { useState } from 'react';
import { downloadCsv } from '../api/client';
import { useT } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ScrollRegion } from '../shell/ScrollRegion';
import { useProducts } from '../products/api';
import { useReport, type ReportDef } from './api';
import { cellText, columnAlign, columnTitle, type CellContext } from './report-labels';

/** One report: its rows as the server computed them (a table, or cards on a phone), and the CSV download of the same table. */
export function ReportTable({ report }: { report: ReportDef }) {
  const t = useT();
  const rows = useReport(report);
  const products = useProducts(true);
  const productNames = new Map((products.data?.items ?? []).map((p) => [p.id, p.terms.name]));
  const contextOf = (row: Record<string, unknown>): CellContext => ({ currency: typeof row.currency === 'string' ? row.currency : undefined, productNames });
  const phone = !Grid.useBreakpoint().md;
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const first = rows.data?.[0] ?? {};
  const columns = Object.keys(first).map((key) => ({
    title: columnTitle(t, key), dataIndex: key, key, align: columnAlign(key, first[key]), render: (value: string | number | null, row: Record<string, unknown>) => cellText(t, key, value, contextOf(row)),
  }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button icon={<DownloadOutlined />} data-testid={`csv-${report.id}`}
        onClick={() => { setDownloadError(null); downloadCsv(report.path, {}, `${report.id}.csv`).catch(setDownloadError); }}>
        {t('report.csv')}
      </Button>
      <ProblemAlert error={rows.error ?? downloadError} />
      {phone ? (
        <List dataSource={rows.data ?? []} loading={rows.isPending} locale={{ emptyText: t('report.empty') }} renderItem={(row) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }}>
              <Descriptions size="small" column={1} items={columns.map((c) => ({ key: c.key, label: c.title, children: cellText(t, c.key, row[c.key], contextOf(row)) }))} />
            </Card>
          </List.Item>
        )} />
      ) : (
        <ScrollRegion label={t(report.title)}>
          <Table size="small" loading={rows.isPending} rowKey={(_, i) => String(i)} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={rows.data ?? []} columns={columns} locale={{ emptyText: t('report.empty') }} />
        </ScrollRegion>
      )}
    </Space>
  );
}
