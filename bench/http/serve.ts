import type { FastifyInstance } from 'fastify';
import { peakRssMiB } from '../child/spawn-worker.js';

/** What a server worker reports: its port once listening, then its peak RSS when told to stop. */
export type ServerMessage = { port: number } | { peakRssMiB: number };

/**
 * Listens on a loopback port, tells the harness which, and on a 'stop' message reports its peak
 * RSS (the memory.http.rss figure), runs `close` (which closes the app) and exits.
 */
export async function serveUntilStopped(app: FastifyInstance, close: () => Promise<void>): Promise<void> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  process.on('message', (message) => {
    if (message !== 'stop') return;
    const report: ServerMessage = { peakRssMiB: peakRssMiB() };
    void close().finally(() => process.send?.(report, () => process.exit(0)));
  });
  process.send?.({ port: address.port } satisfies ServerMessage);
}
