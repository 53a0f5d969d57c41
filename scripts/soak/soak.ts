import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { acknowledged, call, type CallResult } from './http-call.js';
import { setUpLoanBook } from './loan-book-setup.js';
import { MinuteRecorder, percentile } from './minute-stats.js';
import { mixedRequest } from './mixed-traffic.js';
import { processRssMb } from './process-rss.js';
import { HARNESS_JWT_SECRET, staffTokens } from './role-tokens.js';
import { startServer } from './server-process.js';

// dist/scripts/soak/soak.js → the repository root.
const ROOT = path.resolve(import.meta.dirname, '../../..');
const MAX_IN_FLIGHT = 1_000;

interface EodRun {
  atSecond: number;
  status: number | string;
  ms: number;
}

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '50' },
    'eod-every': { type: 'string', default: '60' },
  },
});
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const eodEverySeconds = Number(values['eod-every']);
if (!(minutes > 0 && rate > 0 && eodEverySeconds > 0)) {
  process.stderr.write('usage: node dist/scripts/soak/soak.js [--minutes 10] [--rate 50] [--eod-every 60]\n');
  process.exit(2);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'lendcore-soak-'));
const server = await startServer({
  root: ROOT, dataDir,
  env: { LENDCORE_RATE_LIMIT: '0', LENDCORE_JWT_SECRET: HARNESS_JWT_SECRET, LENDCORE_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') },
});
try {
  const tokens = await staffTokens();
  const book = await setUpLoanBook(server.url, tokens, { customers: 10, loans: 40 });
  const rssStartMb = processRssMb(server.pid);
  const recorder = new MinuteRecorder();
  const errorSamples: string[] = [];
  const eodRuns: EodRun[] = [];
  const pending = new Set<Promise<void>>();
  let sent = 0;
  let shed = 0;
  const started = performance.now();
  const elapsedSeconds = () => (performance.now() - started) / 1_000;

  const sample = (label: string, r: CallResult) => {
    if (!acknowledged(r) && errorSamples.length < 20) errorSamples.push(`${label}: ${r.kind === 'response' ? `${r.status} ${JSON.stringify(r.body)}` : r.error}`);
  };
  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  process.stderr.write(`soak: ${minutes} min at ${rate} req/s, close of business every ${eodEverySeconds} s, server ${server.url}\n`);
  for (let minute = 1; minute <= minutes; minute++) {
    // A fixed arrival rate, independent of response times: a slowing server shows up as latency, not as less load.
    while (elapsedSeconds() < minute * 60) {
      const due = Math.floor(elapsedSeconds() * rate);
      for (; sent < due; sent++) {
        if (pending.size >= MAX_IN_FLIGHT) {
          shed++;
          continue;
        }
        const request = mixedRequest(book, tokens, sent);
        track(call(server.url, request.method, request.path, { token: request.token, body: request.body }).then((r) => {
          recorder.record(r.ms, acknowledged(r));
          sample(`${request.method} ${request.path}`, r);
        }));
      }
      if (elapsedSeconds() >= (eodRuns.length + 1) * eodEverySeconds) {
        const atSecond = Math.round(elapsedSeconds());
        const body = { date: new Date().toISOString().slice(0, 10) };
        eodRuns.push({ atSecond, status: 'pending', ms: 0 });
        const run = eodRuns[eodRuns.length - 1]!;
        // Kept out of the per-minute latencies: a batch job's duration is not a request's p99.
        track(call(server.url, 'POST', '/v1/operations/close-of-business', { token: tokens.admin, body, timeoutMs: 120_000 }).then((r) => {
          run.status = r.kind === 'response' ? r.status : r.error;
          run.ms = Math.round(r.ms);
          sample('close of business', r);
        }));
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const stats = recorder.close(processRssMb(server.pid));
    process.stderr.write(`minute ${stats.minute}: ${stats.requests} requests, ${stats.errors} errors, p50 ${stats.p50Ms} ms, p99 ${stats.p99Ms} ms, rss ${stats.rssMb} MB\n`);
  }
  await Promise.all(pending);

  const requests = recorder.minutes.reduce((sum, m) => sum + m.requests, 0);
  const eodFailures = eodRuns.filter((r) => !(typeof r.status === 'number' && r.status < 300)).length;
  const errors = recorder.minutes.reduce((sum, m) => sum + m.errors, 0) + shed + eodFailures;
  const p99s = recorder.minutes.map((m) => m.p99Ms);
  const rssEndMb = processRssMb(server.pid);
  const result = {
    startedAt: new Date(Date.now() - elapsedSeconds() * 1_000).toISOString(),
    settings: { minutes, rate, eodEverySeconds, loans: book.loanIds.length, customers: book.customerIds.length },
    requests, errors, shed,
    errorRate: requests === 0 ? 0 : errors / requests,
    errorSamples,
    perMinute: recorder.minutes,
    p99DriftRatio: p99s.length > 1 && p99s[0]! > 0 ? p99s[p99s.length - 1]! / p99s[0]! : 1,
    medianMinuteP99Ms: percentile(p99s, 50),
    rss: { startMb: rssStartMb, endMb: rssEndMb, growthMb: rssEndMb - rssStartMb, peakMb: Math.max(rssStartMb, ...recorder.minutes.map((m) => m.rssMb)) },
    eodRuns,
  };
  const outDir = path.join(ROOT, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `soak-${new Date().toISOString().replaceAll(':', '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write(`soak: ${requests} requests, error rate ${result.errorRate}, p99 drift ×${result.p99DriftRatio.toFixed(2)}, rss +${result.rss.growthMb.toFixed(1)} MB → ${file}\n`);
  process.exitCode = errors === 0 ? 0 : 1;
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
