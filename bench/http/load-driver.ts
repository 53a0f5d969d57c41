import autocannon from 'autocannon';
import { nthRequest, type LoadResult, type LoadSpec } from './load-spec.js';

// Worker: drives one autocannon run in its own process so the load generator never shares a CPU
// queue with the server or the harness; receives a LoadSpec, replies with a LoadResult, exits.
process.once('message', (message) => {
  void drive(message as LoadSpec).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});

async function drive(spec: LoadSpec): Promise<LoadResult> {
  let sent = 0;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (spec.token) headers.authorization = `Bearer ${spec.token}`;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, ...nthRequest(spec, sent++) }) }],
  });
  return {
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count])),
  };
}
