import { Card, Space, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { labelOf, useT } from '../i18n/i18n';
import { PagerButtons } from '../search/PagerButtons';
import { useCursorPages } from '../search/useCursorPages';
import { useLenderCalendar } from '../shell/business-date';
import { instant } from '../shell/format';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ResponsiveTable } from '../shell/ResponsiveTable';
import { ActorName } from '../users/ActorName';
import { loanOfStream, useAudit, type AuditEntry, type AuditFilter } from './api';
import { AuditFilters } from './AuditFilters';
import { auditFilterOf, writeAuditFilter } from './audit-query';

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Compliance's audit search (GET /v1/audit): every event's envelope by stream, actor, type and time, a page at a time;
 * loan events link to the loan's timeline. Filters and page live in the query string (reload, back, a shared link).
 */
export function AuditPage() {
  const t = useT();
  const [params] = useSearchParams();
  const filter = auditFilterOf(params);
  const pages = useCursorPages();
  const audit = useAudit(filter, pages.cursor);
  // The lender's zone (the server's default until GET /v1/business-date answers; the form is keyed on it).
  const timeZone = useLenderCalendar().data?.timeZone ?? 'Asia/Shanghai';
  const search = (next: AuditFilter) => pages.reset((query) => writeAuditFilter(query, next));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('nav.audit')}</Typography.Title>
      <Card><AuditFilters key={`${JSON.stringify(filter)} ${timeZone}`} filter={filter} timeZone={timeZone} onSearch={search} /></Card>
      <Card>
        <ProblemAlert error={audit.error} />
        <ResponsiveTable<AuditEntry> label={t('nav.audit')} testId="audit-list" rows={audit.data?.items ?? []} rowKey={(e) => e.id} loading={audit.isFetching}
          empty={t('audit.empty')}
          columns={[
            // The label for reading; the raw type beneath it, as auditors search and cite it.
            { key: 'type', title: t('audit.type'), render: (e) => (
              <Space orientation="vertical" size={0}>{labelOf(t, 'event.', e.type)}<Typography.Text code style={{ fontSize: 12 }}>{e.type}</Typography.Text></Space>
            ) },
            { key: 'recordedAt', title: t('audit.recordedAt'), render: (e) => instant(e.recordedAt) },
            { key: 'occurredAt', title: t('audit.occurredAt'), render: (e) => instant(e.occurredAt) },
            { key: 'actor', title: t('audit.actor'), render: (e) => <ActorName sub={e.actorSub} role={e.actorRole} /> },
            { key: 'stream', title: t('audit.stream'), render: (e) => {
              const loanId = loanOfStream(e.streamId);
              return loanId ? <Link to={`/office/loans/${loanId}/timeline`}>{e.streamId}</Link> : e.streamId;
            } },
            { key: 'revision', title: t('audit.revision'), align: 'right', render: (e) => e.revision },
            { key: 'hash', title: t('audit.hash'), render: (e) => <Typography.Text code title={e.hash}>{short(e.hash)}</Typography.Text> },
          ]} />
        <PagerButtons page={pages.page} nextCursor={audit.data?.nextCursor} onPrevious={pages.previous} onNext={pages.next} />
      </Card>
    </Space>
  );
}
