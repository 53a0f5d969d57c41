import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/test-app.js';

/**
 * A client generated from /openapi.json must type the answers a client reads: a command's
 * position, the loan summary, the schedule and a report. The program below only type-checks if
 * they are real types (not `never` or missing); the broken one proves the check can fail.
 */
const PROGRAM = `
import type { paths } from './api.js';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Repay = paths['/v1/loans/{id}/repayments']['post'];
type RepayBody = NonNullable<Repay['requestBody']>['content']['application/json'];
type Summary = Json<paths['/v1/loans/{id}']['get']['responses'][200]>;
type Schedule = Json<paths['/v1/loans/{id}/schedule']['get']['responses'][200]>;
type Par = Json<paths['/v1/reports/par']['get']['responses'][200]>;
type Problem = Json<paths['/v1/loans/{id}']['get']['responses'][404]> | (Repay['responses'][409] extends { content: { 'application/problem+json': infer P } } ? P : never);

async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return (await res.json()) as T;
}

export async function program(base: string): Promise<string[]> {
  const body: RepayBody = { amount: '1020.07', channel: 'alipay', reference: 'feb' };
  const answer = await call<Json<Repay['responses'][201]>>('POST', base + '/v1/loans/l1/repayments', body);
  const position: string = answer.position;
  const summary = await call<Summary>('GET', base + '/v1/loans/l1?minPosition=' + position);
  const total: string = summary.outstanding.total;
  const status: 'active' | 'overdue' | 'closed' | string = summary.status;
  const dpd: number = summary.daysPastDue;
  const schedule = await call<Schedule>('GET', base + '/v1/loans/l1/schedule');
  const due: string | undefined = schedule.rows[0]?.dueDate;
  const par = await call<Par>('GET', base + '/v1/reports/par');
  const ratio: string | undefined = par.rows[0]?.ratio;
  const problem = await call<Problem>('GET', base + '/v1/loans/nope');
  const code: string = problem.code;
  return [total, status, String(dpd), due ?? '', ratio ?? '', code];
}
`;

const BROKEN = `
import type { paths } from './api.js';
type Summary = paths['/v1/loans/{id}']['get']['responses'][200]['content']['application/json'];
export const total: number = ({} as Summary).outstanding.total;
export const missing: string = ({} as Summary).noSuchField;
`;

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await openTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'lendcore-client-'));
  const document = (await t.call(null, 'GET', '/openapi.json')).body;
  writeFileSync(path.join(dir, 'api.ts'), astToString(await openapiTS(document)));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

function typeErrors(source: string): string[] {
  const file = path.join(dir, 'program.ts');
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], skipLibCheck: true, types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('a TypeScript client generated from /openapi.json (openapi-typescript)', () => {
  it('type-checks a program that repays, then reads the loan summary, the schedule, a report and a problem', () => {
    expect(typeErrors(PROGRAM)).toEqual([]);
  });

  it('refuses a program that misreads the summary, so the types are real', () => {
    const errors = typeErrors(BROKEN);
    expect(errors.some((e) => e.includes("'string' is not assignable to type 'number'"))).toBe(true);
    expect(errors.some((e) => e.includes('noSuchField'))).toBe(true);
  });
});
