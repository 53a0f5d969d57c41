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
 * What a refusal says, line by line: the catalog's wording of the code when there is one, then the
 * server's `detail`, which holds the figures to act on (the range an approval must lie in, the payoff a
 * repayment may not pass, the interest a waiver may take, the days past due a write-off still needs,
 * the amount of the payment still open); the detail alone without wording. A coded refusal showed its
 * wording only, and officers could not see what to change (stop 37's console test).
 */
export function problemLines(problem: ApiProblem, worded: string | undefined): string[] {
  if (worded === undefined) return [problem.detail];
  return problem.detail && problem.detail !== worded ? [worded, problem.detail] : [worded];
}
