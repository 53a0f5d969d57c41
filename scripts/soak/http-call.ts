/** What came back from one HTTP call: a response, or no response at all (refused, reset, timed out). */
export type CallResult =
  | { kind: 'response'; status: number; body: unknown; ms: number }
  | { kind: 'no_response'; error: string; ms: number };

export interface CallOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** One JSON request with a deadline; never throws: a lost connection is a `no_response` result. */
export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const started = performance.now();
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    return { kind: 'response', status: response.status, body: parseJson(text), ms: performance.now() - started };
  } catch (error) {
    return { kind: 'no_response', error: error instanceof Error ? `${error.message} ${String(error.cause ?? '')}`.trim() : String(error), ms: performance.now() - started };
  }
}

/** True for a 2xx response. */
export function acknowledged(result: CallResult): boolean {
  return result.kind === 'response' && result.status >= 200 && result.status < 300;
}

/** The 2xx body, or an error naming what came back instead. */
export function expectOk<T>(result: CallResult, what: string): T {
  if (result.kind === 'response' && acknowledged(result)) return result.body as T;
  const got = result.kind === 'response' ? `${result.status} ${JSON.stringify(result.body)}` : result.error;
  throw new Error(`${what} failed: ${got}`);
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
