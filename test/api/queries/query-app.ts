import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/api/app.js';
import type { ProjectionControl } from '../../../src/api/deps.js';
import { createMetricsRegistry } from '../../../src/api/plugins/metrics.js';
import { queryRoutes } from '../../../src/api/routes/queries/index.js';
import type { TestApp } from '../../support/test-app.js';

/** The query routes over the test app's stores, with the given projection runner stand-in (or none, as beside `lendcore project` workers). */
export async function queryAppWith(t: TestApp, projectionControl: ProjectionControl | undefined): Promise<FastifyInstance> {
  const { runtime } = t;
  const app = await buildApp({
    eventStore: runtime.eventStore, readStore: runtime.readStore, vault: runtime.vault, config: runtime.config, logger: runtime.logger,
    jwtSecret: runtime.config.jwtSecret ?? new Uint8Array(), clock: { now: () => new Date() }, metrics: createMetricsRegistry(), routes: queryRoutes,
    ...(projectionControl ? { projectionControl } : {}),
  });
  await app.ready();
  return app;
}
