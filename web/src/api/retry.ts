import { ApiProblem } from './problem.js';

/**
 * Whether a failed read is worth one more try: a network failure or a 5xx may pass, a 4xx will not
 * (asking again for a loan that is not there, or a list the role may not read, only kept the spinner
 * up for another round trip before the problem showed). `failures` counts the tries that failed so far.
 */
export function retryRead(failures: number, error: unknown): boolean {
  if (error instanceof ApiProblem && error.status >= 400 && error.status < 500) return false;
  return failures < 1;
}
