/**
 * The zod issue param by which a schema refinement gives its own problem `code` (e.g.
 * NEGATIVE_AMOUNT) instead of VALIDATION_FAILED; src/api/problem.ts answers with it.
 */
export const PROBLEM_CODE_PARAM = 'problemCode';
