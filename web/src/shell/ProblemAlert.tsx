import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { ApiProblem } from '../api/problem';
import { problemLines } from '../api/problem-text';
import { useT } from '../i18n/i18n';
import { usePreferences } from '../settings/preferences';

type Messages = Readonly<Record<string, string>>;

// The Chinese wording of every problem code (~12 KB) is fetched the first time a refusal is shown in Chinese,
// not with the borrower portal's first route (its JavaScript budget, test/browser/journey.test.ts).
let messages: Messages | null = null;
let loading: Promise<Messages> | null = null;
function loadMessages(): Promise<Messages> {
  loading ??= import('../api/problem-messages')
    .then((m) => m.PROBLEM_MESSAGES_ZH)
    // Unreachable chunk (a deploy replaced it): fall back to the server's detail rather than show nothing.
    .catch(() => ({}))
    .then((loaded) => (messages = loaded));
  return loading;
}

/** The problem messages once loaded (null until then), loading them when `wanted`. */
function useProblemMessages(wanted: boolean): Messages | null {
  const [loaded, setLoaded] = useState<Messages | null>(messages);
  useEffect(() => {
    if (wanted && loaded === null) void loadMessages().then(setLoaded);
  }, [wanted, loaded]);
  return loaded;
}

/**
 * Shows an API refusal with its status and `code`; the message is the catalog's wording of the code in
 * Chinese when it has one, followed by the server's `detail` with its figures (see problemLines), else the detail alone. Nothing
 * when there is no error (nor in Chinese for the moment the wording takes to load, so the alert never
 * changes under the reader). `worded`: the page's own wording of some codes, already in the reader's
 * language (a borrower told something other than the staff wording), shown without the detail.
 * A form marks the fields a 400 names with ProblemFieldMarks (kept apart: it needs antd's Form, which the
 * borrower portal's first route does not load).
 */
export function ProblemAlert({ error, worded: own }: { error: unknown; worded?: Readonly<Record<string, string>> }) {
  const t = useT();
  const { language } = usePreferences().preferences;
  const problem = error instanceof ApiProblem ? error : null;
  const chinese = problem !== null && language === 'zh-CN';
  const wording = useProblemMessages(chinese);
  if (!error) return null;
  if (chinese && wording === null) return null;
  const message = problem ? `${t('problem.title')} (${problem.status} ${problem.code})` : t('problem.network');
  const ownWording = problem ? own?.[problem.code] : undefined;
  const lines = problem
    ? ownWording !== undefined ? [ownWording] : problemLines(problem, chinese ? wording?.[problem.code] : undefined)
    : [error instanceof Error ? error.message : String(error)];
  const description = lines.map((line, i) => <div key={i} data-testid={i === 0 ? undefined : 'problem-detail'}>{line}</div>);
  return <Alert type="error" showIcon role="alert" title={message} description={description} style={{ marginBottom: 16 }} data-testid="problem" />;
}
