import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_MESSAGES_ZH } from '../../web/src/api/problem-messages.js';

const SRC = join(import.meta.dirname, '../../src');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const CODE = "'([A-Z][A-Z0-9_]{2,})'";

/**
 * Every problem `code` the server can answer, read from its sources: the codes thrown as
 * `new DomainError('CODE'` (also through a file's own `rule(code, …)`-style helper and a
 * `cond ? 'A' : 'B'` first argument), `new HttpError(status, 'CODE'`, and every code named in
 * src/api/problem.ts, src/api/openapi/problem-codes.ts and src/api/openapi/route-problem-codes.ts.
 */
function serverProblemCodes(): Set<string> {
  const codes = new Set<string>();
  const add = (text: string, pattern: RegExp) => {
    for (const match of text.matchAll(pattern)) for (const code of match.slice(1)) if (code) codes.add(code);
  };
  for (const file of sourcesUnder(SRC)) {
    const text = readFileSync(file, 'utf8');
    add(text, new RegExp(`new DomainError\\(\\s*${CODE}`, 'g'));
    add(text, new RegExp(`new DomainError\\(\\s*[^,'()]*(?:\\([^()]*\\))?\\s*\\?\\s*${CODE}\\s*:\\s*${CODE}`, 'g'));
    add(text, new RegExp(`new HttpError\\(\\s*\\d{3}\\s*,\\s*${CODE}`, 'g'));
    // Helpers such as `function rule(code: string, …) { throw new DomainError(code, …) }`.
    for (const helper of text.matchAll(/function (\w+)\(code: string[^{]*\{[^}]*new DomainError\(code\b/g)) {
      add(text, new RegExp(`\\b${helper[1]}\\(\\s*${CODE}`, 'g'));
    }
  }
  // The mapper's own problems, fastify's codes as renamed (FASTIFY_CODES values) and read-store codes it passes on.
  const mapper = readFileSync(join(SRC, 'api/problem.ts'), 'utf8');
  add(mapper, new RegExp(`problem\\(\\s*\\d{3}\\s*,\\s*${CODE}`, 'g'));
  add(mapper, new RegExp(`FST_ERR_\\w+:\\s*${CODE}`, 'g'));
  add(mapper, new RegExp(`=== ${CODE} \\?`, 'g'));
  // Every code the OpenAPI document lists (not the HTTP methods it compares with).
  add(readFileSync(join(SRC, 'api/openapi/problem-codes.ts'), 'utf8'), new RegExp(`(?<!=== )${CODE}`, 'g'));
  add(readFileSync(join(SRC, 'api/openapi/route-problem-codes.ts'), 'utf8'), new RegExp(`(?<!=== )${CODE}`, 'g'));
  return codes;
}

describe('the Chinese catalog of problem codes', () => {
  const codes = serverProblemCodes();

  it('finds the codes the server throws', () => {
    expect(codes.size).toBeGreaterThan(100);
    for (const known of ['RESCHEDULE_WITH_CHARGES', 'CUSTOMER_NOT_FOUND', 'EOD_DATE_BEFORE_LAST_CLOSE', 'VALIDATION_FAILED', 'NOTHING_TO_WAIVE']) {
      expect(codes).toContain(known);
    }
  });

  it('words every code the server can answer in Chinese', () => {
    const missing = [...codes].filter((code) => !/[\u4e00-\u9fff]/.test(PROBLEM_MESSAGES_ZH[code] ?? '')).sort();
    expect(missing, `codes with no Chinese message in web/src/api/problem-messages.ts:\n${missing.join('\n')}`).toEqual([]);
  });
});
