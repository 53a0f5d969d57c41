import { Form } from 'antd';
import { useEffect } from 'react';
import { ApiProblem } from '../api/problem';
import { fieldIssues } from '../api/problem-text';

/**
 * Inside a form: marks each field a 400 names (`body.<field>: …` in its detail) with the server's message
 * under it (QA W13: nothing was marked), so the reader sees which entry to fix; fields the form does not
 * have are left to the alert's detail. Renders nothing.
 */
export function ProblemFieldMarks({ error }: { error: unknown }) {
  const form = Form.useFormInstance();
  useEffect(() => {
    if (!(error instanceof ApiProblem) || error.status !== 400) return;
    const registered = form.getFieldsValue() as Record<string, unknown>;
    const issues = fieldIssues(error.detail).filter((issue) => issue.field in registered);
    if (issues.length > 0) form.setFields(issues.map((issue) => ({ name: issue.field, errors: [issue.message] })));
  }, [form, error]);
  return null;
}
