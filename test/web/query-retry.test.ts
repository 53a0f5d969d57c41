import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../web/src/api/problem.js';
import { retryRead } from '../../web/src/api/retry.js';

describe('when the console asks the API again after a failed read', () => {
  it('never after a 4xx: the answer will not change, and the problem shows at once', () => {
    for (const status of [400, 401, 403, 404, 409, 422]) expect(retryRead(0, new ApiProblem(status, 'X', 'x')), String(status)).toBe(false);
  });

  it('once after a network failure or a 5xx', () => {
    expect(retryRead(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(retryRead(0, new ApiProblem(503, 'UNAVAILABLE', 'x'))).toBe(true);
    expect(retryRead(1, new ApiProblem(503, 'UNAVAILABLE', 'x'))).toBe(false);
    expect(retryRead(1, new TypeError('Failed to fetch'))).toBe(false);
  });
});
