import { Alert } from 'antd';
import { ApiProblem } from '../api/problem';
import { PROBLEM_MESSAGES_ZH } from '../api/problem-messages';
import { useT } from '../i18n/i18n';
import { usePreferences } from '../settings/preferences';

/**
 * Shows an API refusal with its status and `code`; the message is the catalog's wording of the code in
 * Chinese when it has one, else the server's problem+json `detail`. Nothing when there is no error.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const t = useT();
  const { language } = usePreferences().preferences;
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : null;
  const message = problem ? `${t('problem.title')} (${problem.status} ${problem.code})` : t('problem.network');
  const worded = problem && language === 'zh-CN' ? PROBLEM_MESSAGES_ZH[problem.code] : undefined;
  const detail = worded ?? (problem ? problem.detail : error instanceof Error ? error.message : String(error));
  return <Alert type="error" showIcon role="alert" title={message} description={detail} style={{ marginBottom: 16 }} data-testid="problem" />;
}
