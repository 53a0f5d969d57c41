import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ScrollRegion } from '../shell/ScrollRegion';
import { useImportStatement, type ImportedStatement, type StatementFormat } from './statements-api';

/** An officer uploads a bank statement (CSV or MT940); the server matches, suspends and counts its lines, and the page shows what it said. */
export function StatementImportPage() {
  const t = useT();
  const upload = useImportStatement();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportedStatement | null>(null);
  const submit = async ({ format }: { format: StatementFormat }) => {
    if (!file) return;
    upload.mutate({ text: await file.text(), format }, { onSuccess: setResult });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('statement.title')}</Typography.Title>
      <Card>
        <Form layout="vertical" name="statement" initialValues={{ format: 'csv' }} onFinish={(v: { format: StatementFormat }) => void submit(v)}>
          <ProblemAlert error={upload.error} />
          <Form.Item label={t('statement.file')} required>
            <Upload maxCount={1} accept=".csv,.txt,.sta,.mt940,text/csv,text/plain" data-testid="statement-file"
              beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => setFile(null)}>
              <Button icon={<UploadOutlined />}>{t('statement.file')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item name="format" label={t('statement.format')}>
            <Select options={(['csv', 'mt940'] as const).map((f) => ({ value: f, label: t(`statement.format.${f}`) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={!file} loading={upload.isPending} data-testid="submit-statement">{t('statement.submit')}</Button>
        </Form>
      </Card>
      {result && (
        <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('statement.result', { id: result.statementId })}</Typography.Title>} data-testid="statement-result">
          {!result.imported && <Alert type="info" showIcon title={t('statement.again')} style={{ marginBottom: 16 }} />}
          <Descriptions size="small" column={{ xs: 1, sm: 4 }} items={[
            { key: 'matched', label: t('statement.matched'), children: <span data-testid="count-matched">{result.matched}</span> },
            { key: 'suspended', label: t('statement.suspended'), children: <span data-testid="count-suspended">{result.suspended}</span> },
            { key: 'duplicates', label: t('statement.duplicates'), children: <span data-testid="count-duplicates">{result.duplicates}</span> },
            { key: 'debits', label: t('statement.skippedDebits'), children: result.skippedDebits },
          ]} />
          <ScrollRegion label={t('statement.result', { id: result.statementId })}>
            <Table rowKey={(l) => `${l.bankTxnId}-${l.outcome}-${l.reason ?? ''}`} size="small" pagination={false} dataSource={result.lines} columns={[
              { title: t('statement.line'), dataIndex: 'bankTxnId' },
              { title: t('statement.outcome'), dataIndex: 'outcome', render: (o: 'matched' | 'suspended' | 'duplicate') => t(`statement.outcome.${o}`) },
              { title: t('goto.loan'), dataIndex: 'loanId', render: (id: string | null) => (id ? <Link to={`/office/loans/${id}`}>{id}</Link> : '—') },
              { title: t('suspense.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
            ]} />
          </ScrollRegion>
          {result.suspended > 0 && <Link to="/office/queues/payment-suspense" data-testid="open-suspense">{t('statement.openSuspense')}</Link>}
        </Card>
      )}
    </Space>
  );
}
