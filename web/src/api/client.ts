import { problemOf } from './problem';

type TokenSource = () => string | null;
let currentToken: TokenSource = () => null;

/** The session module tells the client where the bearer token comes from. */
export function setTokenSource(source: TokenSource): void {
  currentToken = source;
}

export type Query = Record<string, string | number | undefined>;

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function headers(json: boolean): HeadersInit {
  const token = currentToken();
  return { accept: 'application/json', ...(json ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/** GET a JSON resource of the /v1 API; throws ApiProblem on any non-2xx answer. */
export async function getJson<T>(path: string, query?: Query): Promise<T> {
  const response = await fetch(urlOf(path, query), { headers: headers(false) });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

/** POST a JSON command; throws ApiProblem on any non-2xx answer. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: headers(true), body: JSON.stringify(body ?? {}) });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

/** Fetches a CSV report with the caller's token and hands it to the browser as a file download. */
export async function downloadCsv(path: string, query: Query, filename: string): Promise<void> {
  const response = await fetch(urlOf(path, { ...query, format: 'csv' }), { headers: { ...headers(false), accept: 'text/csv' } });
  if (!response.ok) throw await problemOf(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
