import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';

/** What the check thread needs: the log, the data folder (checkpoints, key file) and the signing key from the environment. */
export interface LogCheckData {
  logFile: string;
  dataDir: string;
  signingKey: Buffer | null;
}

/** `events` walked (decimal string); `findings` as `lendcore verify` words them; `error` when the walk could not run. */
export interface LogCheckResult {
  events: string;
  findings: string[];
  error?: string;
}

/** The part of a `Worker` the check uses. */
export interface LogCheckThread {
  once(event: 'message', listener: (message: unknown) => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  terminate(): Promise<number>;
}

const LOGGED_FINDINGS = 20;

/** The compiled thread entry; absent when running TypeScript sources (vitest), which pass their own `spawn`. */
export const LOG_CHECK_THREAD_ENTRY = new URL('./log-check-thread.js', import.meta.url);

export interface LogCheck {
  /** For /ready: null while the walk runs and when it found nothing, else what it found and what to do. */
  readiness(): Promise<string | null>;
  /** Resolves when the walk has ended (for tests and for a clean stop). */
  done: Promise<LogCheckResult | null>;
  stop(): Promise<void>;
}

/**
 * Walks the embedded log once at start, as `lendcore verify` does (every hash chain, stream head,
 * signed checkpoint, snapshot and idempotency record), in a worker thread so the server answers
 * meanwhile. A server started on an edited log keeps serving, but /ready says what was found
 * (503, so a load balancer stops sending it traffic) and each finding is logged as an error;
 * the operator restores from backup or investigates with `lendcore verify`. Without the compiled
 * entry and no `spawn`, nothing is checked (done resolves null).
 */
export function checkLogAtStart(data: LogCheckData, logger: FastifyBaseLogger, spawn?: (data: LogCheckData) => LogCheckThread): LogCheck {
  const start = spawn ?? (existsSync(fileURLToPath(LOG_CHECK_THREAD_ENTRY)) ? (d: LogCheckData) => new Worker(LOG_CHECK_THREAD_ENTRY, { workerData: d }) : null);
  let outcome: LogCheckResult | null = null;
  const thread = start === null ? null : start(data);
  const done = thread === null
    ? Promise.resolve(null)
    : new Promise<LogCheckResult | null>((resolve) => {
      thread.once('message', (message) => resolve(message as LogCheckResult));
      thread.once('error', (error) => resolve({ events: '0', findings: [], error: error.message }));
    }).then((result) => {
      outcome = result;
      if (result === null) return result;
      if (result.error !== undefined) logger.error({ error: result.error }, 'log integrity check at start could not run; run lendcore verify');
      else if (result.findings.length > 0) {
        // The first findings name what to look at; lendcore verify lists them all.
        for (const finding of result.findings.slice(0, LOGGED_FINDINGS)) logger.error({ finding }, 'log integrity check at start: the log was altered');
        if (result.findings.length > LOGGED_FINDINGS) logger.error({ findings: result.findings.length }, 'log integrity check at start: more findings; run lendcore verify for all of them');
      }
      else logger.info({ events: result.events }, 'log integrity check at start: every chain, head, checkpoint and record intact');
      return result;
    });
  return {
    done,
    async readiness() {
      if (outcome === null || outcome.findings.length === 0) return null;
      const more = outcome.findings.length > 1 ? ` (and ${outcome.findings.length - 1} more)` : '';
      return `the event log fails its integrity check: ${outcome.findings[0]}${more}; run lendcore verify and restore the log from a backup`;
    },
    async stop() {
      await thread?.terminate();
    },
  };
}
