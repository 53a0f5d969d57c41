import type { ApiProblem } from './problem.js';

/** A request field a 400's detail names, as the form field it came from (top-level name) and what is wrong with it. */
export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * The fields a problem's `detail` names: the server words each invalid body field as
 * `body.<path>: <message>`, several joined by "; " (src/api/problem.ts describeIssue), and a
 * refinement's own code as `<path> <message>`; only the first form are read, by the path's first segment.
 */
export function fieldIssues(detail: string): FieldIssue[] {
  return detail.split('; ').flatMap((part) => {
    const match = /^body\.([A-Za-z_$][\w$]*)[\w.$]*: (.+)$/.exec(part);
    return match?.[1] !== undefined && match[2] !== undefined ? [{ field: match[1], message: match[2] }] : [];
  });
}

/**
 * What a refusal says, line by line: the catalog's wording of the code when there is one, the detail
 * alone without. A 400's wording is generic (VALIDATION_FAILED "提交的内容不符合要求" for any field;
 * QA W13), so its `detail`, which names the field and what it expects, follows it; a 4xx with its own
 * code is worded in full by the catalog and its English detail is left out of the Chinese console.
 */
export function problemLines(problem: ApiProblem, worded: string | undefined): string[] {
  if (worded === undefined) return [problem.detail];
  return problem.status === 400 && problem.detail && problem.detail !== worded ? [worded, problem.detail] : [worded];
}
