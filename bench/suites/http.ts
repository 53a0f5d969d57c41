import type { BenchConfig } from '../config.js';
import type { Measurement } from '../figure.js';
import { loadMedian } from '../http/load.js';
import type { LoadResult, LoadSpec } from '../http/load-spec.js';
import { startServer } from '../http/server-process.js';
import type { Suite } from '../suite.js';
import { prepareLendcoreServer } from '../http/lendcore-setup.js';
import { unmeasured } from '../unmeasured.js';

function asFigures(prefix: string, result: LoadResult): Measurement[] {
  return [
    { name: prefix, measured: result.requestsPerSec },
    { name: `${prefix}.p50`, measured: result.p50 },
    { name: `${prefix}.p99`, measured: result.p99 },
  ];
}

/** The ceiling: the bare route at 10 and 50 connections, and its GET twin at 50. */
async function measureBare(config: BenchConfig): Promise<Measurement[]> {
  const server = await startServer('http/bare-server');
  try {
    const base: Omit<LoadSpec, 'connections' | 'kind'> = {
      url: server.url,
      seconds: config.httpSeconds,
      loanIds: Array.from({ length: 1000 }, (_, i) => `0190f0c0-0000-7000-8000-${String(i).padStart(12, '0')}`),
      token: null,
      effectiveDate: '2025-02-01',
      runTag: 'bare',
    };
    const c10 = await loadMedian({ ...base, kind: 'repayment', connections: 10 }, config.runs);
    const c50 = await loadMedian({ ...base, kind: 'repayment', connections: 50 }, config.runs);
    const get = await loadMedian({ ...base, kind: 'loan-get', connections: 50 }, config.runs);
    return [...asFigures('http.bare.c10', c10), ...asFigures('http.bare.c50', c50), ...asFigures('http.bare-get.c50', get)];
  } finally {
    await server.stop();
  }
}

/** lendcore's own server on a seeded embedded store, `synchronous=FULL`, projectors on; also its peak RSS. */
async function measureLendcore(config: BenchConfig, workDir: string): Promise<Measurement[]> {
  const prepared = await prepareLendcoreServer(workDir);
  const server = await startServer('http/lendcore-server', prepared.env);
  const figures: Measurement[] = [];
  try {
    const base: Omit<LoadSpec, 'connections' | 'kind'> = {
      url: server.url,
      seconds: config.httpSeconds,
      loanIds: prepared.loanIds,
      token: prepared.token,
      effectiveDate: prepared.effectiveDate,
      runTag: 'bench',
    };
    const c10 = await loadMedian({ ...base, kind: 'repayment', connections: 10, runTag: 'c10' }, config.runs);
    figures.push(...asFigures('http.repayment.c10', c10));
    const cpuBefore = await server.cpuMicros();
    const c50 = await loadMedian({ ...base, kind: 'repayment', connections: 50, runTag: 'c50' }, config.runs);
    const cpuMs = (await server.cpuMicros() - cpuBefore) / 1000;
    figures.push(...asFigures('http.repayment.c50', c50), { name: 'http.repayment.c50.cpu', measured: c50.requests > 0 ? cpuMs / c50.requests : null });
    const getCpuBefore = await server.cpuMicros();
    const get = await loadMedian({ ...base, kind: 'loan-get', connections: 50 }, config.runs);
    const getCpuMs = (await server.cpuMicros() - getCpuBefore) / 1000;
    figures.push(...asFigures('http.loan-get.c50', get), { name: 'http.loan-get.c50.cpu', measured: get.requests > 0 ? getCpuMs / get.requests : null });
  } finally {
    figures.push({ name: 'memory.http.rss', measured: await server.stop() });
  }
  return figures;
}

export const httpSuite: Suite = {
  name: 'http',
  figures: [
    ...['http.bare.c10', 'http.bare.c50', 'http.repayment.c10', 'http.repayment.c50', 'http.bare-get.c50', 'http.loan-get.c50'].flatMap((n) => [
      n,
      `${n}.p50`,
      `${n}.p99`,
    ]),
    'http.repayment.c50.cpu',
    'http.loan-get.c50.cpu',
    'memory.http.rss',
  ],
  async run(config, workDir) {
    // The ceiling stands on its own: report it even when lendcore's server cannot be measured.
    const bare = await measureBare(config);
    const own = await measureLendcore(config, workDir).catch((error: unknown) => unmeasured(['http.repayment', 'http.loan-get', 'memory.http'], error));
    return [...bare, ...own];
  },
};
