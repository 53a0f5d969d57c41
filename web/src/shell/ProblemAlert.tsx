import { Alert } from 'antd';
import { ApiProblem } from '../api/problem';
import { useT } from '../i18n/i18n';

/** Shows an API refusal as the server worded it (problem+json `detail`) with its `code`; nothing when there is no error. */
export function ProblemAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : null;
  const message = problem ? `${t('problem.title')} (${problem.status} ${problem.code})` : t('problem.network');
  const detail = problem ? problem.detail : error instanceof Error ? error.message : String(error);
  return <Alert type="error" showIcon role="alert" title={message} description={detail} style={{ marginBottom: 16 }} data-testid="problem" />;
}
