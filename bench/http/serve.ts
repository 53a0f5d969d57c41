import type { FastifyInstance } from 'fastify';

/**
 * What a server worker reports: its port once listening, the CPU time it has used (user + system,
 * every thread, µs) when asked with 'cpu', then its peak RSS when told to stop.
 */
export type ServerMessage = { port: number } | { cpuMicros: number } | { peakRssMiB: number };

/** How often the RSS is sampled while the server serves. */
const RSS_SAMPLE_MS = 25;

/**
 * Listens on a loopback port, tells the harness which, answers 'cpu' with the CPU time the process
 * has used so far (so the harness can divide a load run's CPU by its requests), and on a 'stop' message reports its peak
 * RSS while serving (the memory.http.rss figure: both threads, sampled from the moment it listens,
 * so the load runs and not the start-up's opening of the stores set it), runs `close` (which
 * closes the app) and exits.
 */
export async function serveUntilStopped(app: FastifyInstance, close: () => Promise<void>): Promise<void> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  let peakBytes = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakBytes = Math.max(peakBytes, process.memoryUsage.rss())), RSS_SAMPLE_MS);
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system } satisfies ServerMessage);
      return;
    }
    if (message !== 'stop') return;
    clearInterval(sampler);
    const report: ServerMessage = { peakRssMiB: Math.max(peakBytes, process.memoryUsage.rss()) / 1024 / 1024 };
    void close().finally(() => process.send?.(report, () => process.exit(0)));
  });
  process.send?.({ port: address.port } satisfies ServerMessage);
}
