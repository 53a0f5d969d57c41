import type { ApiPlugin } from '../deps.js';
import { problem } from '../problem.js';

/**
 * Liveness (`/health`: the process answers) and readiness (`/ready`: both stores answer and no
 * projection has stopped on an error). Neither needs a token, and neither is rate limited.
 */
export const healthRoutes: ApiPlugin = async (app, { deps }) => {
  const config = { rateLimit: false };
  const hide = { hide: true };

  app.get('/health', { config, schema: hide }, async () => ({ status: 'ok' }));

  app.get('/ready', { config, schema: hide }, async (request, reply) => {
    const problems: string[] = [];
    await deps.eventStore.headPosition().catch((error: unknown) => {
      request.log.warn({ err: error }, 'event store not reachable');
      problems.push('event store not reachable');
    });
    await deps.readStore.getCheckpoint('__ready__').catch((error: unknown) => {
      request.log.warn({ err: error }, 'read store not reachable');
      problems.push('read store not reachable');
    });
    for (const failed of (await deps.projections?.failed()) ?? []) problems.push(`projection ${failed.name} failed: ${failed.error}`);
    for (const check of deps.readiness ?? []) {
      const reason = await check();
      if (reason !== null) problems.push(reason);
    }
    if (problems.length === 0) return { status: 'ready' };
    return reply.status(503).type('application/problem+json').send(problem(503, 'NOT_READY', problems.join('; ')));
  });
};
