import { problemOf } from './problem';
import { repeatKey } from './repeat-key';

type TokenSource = () => string | null;
type Refresher = () => Promise<boolean>;
let currentToken: TokenSource = () => null;
let refresher: Refresher = () => Promise.resolve(false);

/** The session module tells the client where the bearer token comes from. */
export function setTokenSource(source: TokenSource): void {
  currentToken = source;
}

/**
 * The session module tells the client how to renew an expired access token (POST /v1/auth/refresh);
 * the refresher answers true when a new token is in place. Dev-minted sessions have none.
 */
export function setRefresher(refresh: Refresher): void {
  refresher = refresh;
}

export type Query = Record<string, string | number | undefined>;

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function headers(json: boolean): Record<string, string> {
  const token = currentToken();
  return { accept: 'application/json', ...(json ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/**
 * Sends a request with the current token; on a 401 asks the refresher once for a new token and retries
 * once with it. `/v1/auth/*` calls are never retried (a failed login is not an expired token).
 */
async function send(url: string, init: () => RequestInit): Promise<Response> {
  const response = await fetch(url, init());
  if (response.status !== 401 || url.startsWith('/v1/auth/') || currentToken() === null) return response;
  if (!(await refresher())) return response;
  return fetch(url, init());
}

async function json<T>(url: string, init: () => RequestInit): Promise<T> {
  const response = await send(url, init);
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** GET a JSON resource of the /v1 API; throws ApiProblem on any non-2xx answer. */
export function getJson<T>(path: string, query?: Query): Promise<T> {
  return json<T>(urlOf(path, query), () => ({ headers: headers(false) }));
}

/** Paths whose POSTs are no commands the log records (sign-in, token refresh, the dev session): sent without an Idempotency-Key. */
const NOT_COMMANDS = ['/v1/auth/', '/v1/dev/'];

/**
 * POST a JSON command; throws ApiProblem on any non-2xx answer (204 resolves to undefined). A command
 * carries an Idempotency-Key shared by identical repeats (repeatKey), so a double-click records it once.
 */
export function postJson<T>(path: string, body: unknown): Promise<T> {
  const text = JSON.stringify(body ?? {});
  const key: Record<string, string> = NOT_COMMANDS.some((prefix) => path.startsWith(prefix)) ? {} : { 'idempotency-key': repeatKey(path, text) };
  return json<T>(path, () => ({ method: 'POST', headers: { ...headers(true), ...key }, body: text }));
}

/** POST a text document (a bank statement) with its media type; answers JSON like the other calls. */
export function postText<T>(path: string, text: string, contentType: string, query?: Query): Promise<T> {
  return json<T>(urlOf(path, query), () => ({ method: 'POST', headers: { ...headers(false), 'content-type': contentType }, body: text }));
}

/** PUT a JSON document; throws ApiProblem on any non-2xx answer. */
export function putJson<T>(path: string, body: unknown): Promise<T> {
  return json<T>(path, () => ({ method: 'PUT', headers: headers(true), body: JSON.stringify(body) }));
}

/** DELETE a resource; throws ApiProblem on any non-2xx answer. */
export function deleteJson<T>(path: string): Promise<T> {
  return json<T>(path, () => ({ method: 'DELETE', headers: headers(false) }));
}

/** Fetches a CSV report with the caller's token and hands it to the browser as a file download. */
export async function downloadCsv(path: string, query: Query, filename: string): Promise<void> {
  const response = await send(urlOf(path, { ...query, format: 'csv' }), () => ({ headers: { ...headers(false), accept: 'text/csv' } }));
  if (!response.ok) throw await problemOf(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
