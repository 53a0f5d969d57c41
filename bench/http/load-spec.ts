/** What the load driver is asked to do; sent over IPC because a loan-id list outgrows argv. */
export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  kind: 'repayment' | 'loan-get';
  loanIds: string[];
  /** Bearer token, or null for a server without auth (the bare route). */
  token: string | null;
  /** Business date the repayments carry. */
  effectiveDate: string;
  /** Makes repayment references unique across runs against the same store. */
  runTag: string;
}

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p99: number;
  /** Responses received (of any status), for costs per request. */
  requests: number;
  /** Responses outside 2xx plus socket errors and timeouts: any of them makes the run invalid. */
  failures: number;
  /** Responses per status code, e.g. {"201": 51234}; names what went wrong when failures > 0. */
  statusCodes: Record<string, number>;
}

/** The path and body of the n-th request: loans round-robin, each repayment with a fresh reference. */
export function nthRequest(spec: LoadSpec, n: number): { method: 'GET' | 'POST'; path: string; body?: string } {
  const loanId = spec.loanIds[n % spec.loanIds.length];
  if (loanId === undefined) throw new Error('load spec has no loan ids');
  if (spec.kind === 'loan-get') return { method: 'GET', path: `/v1/loans/${loanId}` };
  const body = { amount: '1.00', channel: 'online', reference: `${spec.runTag}-${n}`, effectiveDate: spec.effectiveDate };
  return { method: 'POST', path: `/v1/loans/${loanId}/repayments`, body: JSON.stringify(body) };
}
