import { parentPort, workerData } from 'node:worker_threads';
import { describeFinding } from '../integrity/findings.js';
import { resolveIntegrityKeys } from '../integrity/integrity-keys.js';
import { verifySqliteLog } from '../integrity/verify-sqlite-log.js';
import type { LogCheckData, LogCheckResult } from './log-check-at-start.js';

// Worker-thread entry: `lendcore verify`'s walk over the SQLite log, off the HTTP thread; posts
// each finding as `lendcore verify` prints it, or the error that stopped the walk.
if (!parentPort) throw new Error('log-check-thread.js runs only as a worker thread');
const data = workerData as LogCheckData;
let result: LogCheckResult;
try {
  const keys = await resolveIntegrityKeys(data.dataDir, data.signingKey === null ? null : Buffer.from(data.signingKey));
  const report = verifySqliteLog(data.logFile, data.dataDir, keys);
  result = { events: report.events.toString(), findings: report.findings.map(describeFinding) };
} catch (error) {
  result = { events: '0', findings: [], error: error instanceof Error ? error.message : String(error) };
}
parentPort.postMessage(result);
