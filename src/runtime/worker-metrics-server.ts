import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { ProjectionStatus } from '../projections/projection-status.js';

export interface MetricsServer {
  /** `http://host:port`, with the port actually bound (for port 0). */
  url: string;
  close(): Promise<void>;
}

/**
 * A projection worker's only HTTP: `/metrics` (Prometheus) and `/health`, which answers 503 naming
 * the projections stopped on an error, so an orchestrator can restart the worker.
 */
export async function serveWorkerMetrics(registry: Registry, status: () => Promise<ProjectionStatus[]>, port: number, host: string): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const send = (code: number, type: string, body: string) => response.writeHead(code, { 'content-type': type }).end(body);
    const answer = async () => {
      if (request.method !== 'GET') return send(405, 'text/plain', 'method not allowed');
      if (request.url === '/metrics') return send(200, registry.contentType, await registry.metrics());
      if (request.url !== '/health') return send(404, 'text/plain', 'not found');
      const failed = (await status()).filter((s) => s.state === 'failed').map((s) => ({ name: s.name, error: s.error }));
      return send(failed.length === 0 ? 200 : 503, 'application/json', JSON.stringify(failed.length === 0 ? { status: 'ok' } : { status: 'failed', failed }));
    };
    answer().catch((error: unknown) => send(500, 'text/plain', error instanceof Error ? error.message : String(error)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
