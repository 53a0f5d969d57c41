import { expect } from 'vitest';
import type { Caller, TestApp } from '../support/test-app.js';

/** What every command answers: the stream id, its revision and the event's global position. */
export interface CommandAnswer {
  id: string;
  revision: string;
  position: string;
}

/** Sends a command that must be accepted (2xx) and returns its answer; the failure names the route and the problem. */
export async function command(t: TestApp, caller: Caller, url: string, body: object = {}): Promise<CommandAnswer> {
  const response = await t.call(caller, 'POST', url, body);
  expect(response.statusCode, `POST ${url}: ${response.body}`).toBeLessThan(300);
  return response.json() as CommandAnswer;
}

/** Sends a command that must be refused with this status and problem code. */
export async function refusedCommand(t: TestApp, caller: Caller, url: string, body: object, status: number, code: string): Promise<void> {
  const response = await t.call(caller, 'POST', url, body);
  expect(response.statusCode, `POST ${url}: ${response.body}`).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

/** A query that must answer 200, as JSON; `minPosition` makes it wait for the read models (read-your-writes). */
export async function query<T>(t: TestApp, caller: Caller, url: string, minPosition?: string): Promise<T> {
  const full = minPosition === undefined ? url : `${url}${url.includes('?') ? '&' : '?'}minPosition=${minPosition}`;
  const response = await t.call(caller, 'GET', full);
  expect(response.statusCode, `GET ${full}: ${response.body}`).toBe(200);
  return response.json() as T;
}
