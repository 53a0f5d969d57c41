import { describe, expect, it } from 'vitest';
import { nthRequest, type LoadSpec } from '../../bench/http/load-spec.js';

const spec: LoadSpec = {
  url: 'http://127.0.0.1:1', connections: 10, seconds: 1, kind: 'repayment',
  loanIds: ['a', 'b'], token: null, effectiveDate: '2025-04-01', runTag: 'c50-0',
};

describe('nthRequest', () => {
  it('spreads repayments round-robin over the loans, each with a fresh reference', () => {
    const first = nthRequest(spec, 0);
    const third = nthRequest(spec, 2);
    expect(first.method).toBe('POST');
    expect(first.path).toBe('/v1/loans/a/repayments');
    expect(nthRequest(spec, 1).path).toBe('/v1/loans/b/repayments');
    expect(third.path).toBe('/v1/loans/a/repayments');
    expect(JSON.parse(first.body ?? '')).toEqual({ amount: '1.00', channel: 'online', reference: 'c50-0-0', effectiveDate: '2025-04-01' });
    expect(JSON.parse(third.body ?? '').reference).toBe('c50-0-2');
  });

  it('reads loans without a body', () => {
    expect(nthRequest({ ...spec, kind: 'loan-get' }, 3)).toEqual({ method: 'GET', path: '/v1/loans/b' });
  });

  it('refuses a spec without loans', () => {
    expect(() => nthRequest({ ...spec, loanIds: [] }, 0)).toThrow('no loan ids');
  });
});
