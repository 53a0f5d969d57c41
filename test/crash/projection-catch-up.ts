import { call } from '../../scripts/soak/http-call.js';

interface StatusRow {
  name: string;
  state: string;
  position: string;
  headPosition: string;
  error: string | null;
}

const POLL_MS = 100;

function rowsOf(body: unknown): StatusRow[] | null {
  if (Array.isArray(body)) return body as StatusRow[];
  const nested = body && typeof body === 'object' ? Object.values(body).find(Array.isArray) : undefined;
  return (nested as StatusRow[] | undefined) ?? null;
}

/** Resolves once every projection has applied the whole log (GET /v1/admin/projections); throws on a failed projection or after `timeoutMs`. */
export async function awaitProjectionsCaughtUp(url: string, adminToken: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const result = await call(url, 'GET', '/v1/admin/projections', { token: adminToken });
    const rows = result.kind === 'response' && result.status === 200 ? rowsOf(result.body) : null;
    last = result.kind === 'response' ? JSON.stringify(result.body) : result.error;
    const failed = rows?.find((row) => row.state === 'failed');
    if (failed) throw new Error(`projection ${failed.name} failed after restart: ${failed.error}`);
    if (rows && rows.length > 0 && rows.every((row) => row.position === row.headPosition)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`projections did not catch up within ${timeoutMs} ms; last status: ${last}`);
}
