import { Descriptions, Space, Table, Typography } from 'antd';
import { labelOf, useT } from '../i18n/i18n';
import { instant, money } from '../shell/format';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useHistory } from './api';
import { latestAssessment, type CreditAssessment } from './credit-assessment';
import { piiValue } from '../customers/pii-value';
import { ActorName } from '../users/ActorName';

type Reason = CreditAssessment['reasons'][number];

/**
 * The credit assessment an approval rests on (QA 12 W11): score, grade, the scorecard's
 * recommendation, its version, the income it saw (opened by the server; 已删除 / Erased after erasure, piiValue),
 * and one reason per attribute with its points, as recorded in the loan's CreditAssessed event
 * (GET /v1/loans/:id/history).
 */
export function CreditAssessmentCard({ loanId }: { loanId: string }) {
  const t = useT();
  const history = useHistory(loanId);
  const assessment = history.data ? latestAssessment(history.data) : null;
  if (history.error) return <ProblemAlert error={history.error} />;
  if (!history.data) return null;
  if (!assessment) return <Typography.Text data-testid="credit-none">{t('credit.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="credit-assessment">
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={[
        { key: 'score', label: t('credit.score'), children: <strong data-testid="credit-score">{assessment.score}</strong> },
        { key: 'grade', label: t('credit.grade'), children: <span data-testid="credit-grade">{assessment.grade}</span> },
        { key: 'decision', label: t('credit.decision'), children: <span data-testid="credit-decision">{labelOf(t, 'queue.decision.', assessment.decision)}</span> },
        { key: 'version', label: t('credit.scorecard'), children: <span data-testid="credit-scorecard">{assessment.scorecardVersion}</span> },
        { key: 'at', label: t('credit.assessedAt'), children: instant(assessment.assessedAt) },
        { key: 'by', label: t('credit.assessedBy'), children: <ActorName sub={assessment.assessedBy} /> },
        { key: 'income', label: t('credit.monthlyIncome'), children: <span data-testid="credit-income">{piiValue(t, assessment.monthlyIncome, money)}</span> },
      ]} />
      <Table<Reason> rowKey="code" size="small" pagination={false} dataSource={assessment.reasons} data-testid="credit-reasons"
        title={() => t('credit.reasons')}
        columns={[
          { title: t('credit.reason'), dataIndex: 'code', render: (code: string) => labelOf(t, 'credit.reason.', code) },
          { title: t('credit.points'), dataIndex: 'points', align: 'right', render: (points: number) => (points > 0 ? `+${points}` : String(points)) },
          { title: t('credit.detail'), dataIndex: 'message', render: (message: string) => <span lang="en">{message}</span> },
        ]} />
    </Space>
  );
}
