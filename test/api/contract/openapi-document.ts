import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestApp } from '../../support/test-app.js';

/** Writes the app's /openapi.json into `dir` and returns the file's path. */
export async function writeOpenApi(t: TestApp, dir: string): Promise<string> {
  const res = await t.call(null, 'GET', '/openapi.json');
  if (res.statusCode !== 200) throw new Error(`GET /openapi.json answered ${res.statusCode}`);
  const file = path.join(dir, 'openapi.json');
  writeFileSync(file, res.body);
  return file;
}
