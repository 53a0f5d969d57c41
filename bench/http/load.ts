import { forkWorker, nextMessage } from '../child/spawn-worker.js';
import { median } from '../stats.js';
import type { LoadResult, LoadSpec } from './load-spec.js';

/** One autocannon run in a separate driver process; throws when any request failed, since a fast error is no figure. */
export async function loadOnce(spec: LoadSpec): Promise<LoadResult> {
  const driver = forkWorker('http/load-driver', []);
  const reply = nextMessage<LoadResult>(driver);
  driver.send(spec);
  const result = await reply;
  if (result.failures > 0) {
    throw new Error(`${spec.kind} at c${spec.connections}: ${result.failures} failed requests (status codes ${JSON.stringify(result.statusCodes)})`);
  }
  return result;
}

/** A short warm-up, then `runs` runs; each of req/s, p50 and p99 is the median over the runs, `requests` the sum over all of them (warm-up included). */
export async function loadMedian(spec: LoadSpec, runs: number): Promise<LoadResult> {
  const warm = await loadOnce({ ...spec, seconds: 1, runTag: `${spec.runTag}-warm` });
  const results: LoadResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await loadOnce({ ...spec, runTag: `${spec.runTag}-${i}` }));
  return {
    requestsPerSec: median(results.map((r) => r.requestsPerSec)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    requests: results.reduce((sum, r) => sum + r.requests, warm.requests),
    failures: 0,
    statusCodes: {},
  };
}
