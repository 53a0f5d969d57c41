import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.js';
import type { ApiPlugin, ProjectionControl } from '../../deps.js';
import { projectionStatusResponse, rebuildAcceptedResponse } from '../../schemas/oversight-views.js';
import { guard } from './query-schemas.js';
import { checkMinPosition, minPositionParam } from './read-your-writes.js';

function controlOf(control: ProjectionControl | undefined): ProjectionControl {
  if (!control) throw new DomainError('PROJECTORS_ELSEWHERE', 'projections run in `lendcore project` workers, not in this process', 'conflict');
  return control;
}

/** GET /v1/admin/projections (position, lag, state) and POST /v1/admin/projections/:name/rebuild (shadow rebuild in the background). */
export const adminProjectionRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get('/v1/admin/projections', {
    preValidation: guard('admin.projections'),
    schema: {
      tags: ['admin'], summary: 'Every projection: version, state, position, head, lag in events and seconds, error', querystring: z.object({ minPosition: minPositionParam }).strict(),
      response: { 200: projectionStatusResponse },
    },
  }, async (request) => {
    // Status shows where each projection stands, behind or not: nothing to wait for.
    await checkMinPosition(deps, request.query.minPosition);
    const statuses = await controlOf(deps.projectionControl).status();
    return { items: statuses.map((s) => ({ ...s, position: s.position.toString(), headPosition: s.headPosition.toString() })) };
  });

  app.post('/v1/admin/projections/:name/rebuild', {
    preValidation: guard('admin.rebuildProjection'),
    schema: {
      tags: ['admin'],
      summary: 'Rebuild a projection into shadow collections while the live one keeps serving, then swap; 202 at once',
      params: z.object({ name: z.string().min(1).max(100) }).strict(),
      response: { 202: rebuildAcceptedResponse },
    },
  }, async (request, reply) => {
    const control = controlOf(deps.projectionControl);
    const { name } = request.params;
    const current = (await control.status()).find((s) => s.name === name);
    if (!current) throw new DomainError('PROJECTION_NOT_FOUND', `no projection named ${name}`, 'not_found');
    if (current.state === 'rebuilding') throw new DomainError('PROJECTION_REBUILDING', `projection ${name} is already rebuilding`, 'conflict');
    // Runs past the response; the runner marks it rebuilding at once, and a failure is logged (status shows the projection's state).
    void control.rebuild(name).catch((error: unknown) => request.log.error({ err: error, projection: name }, 'projection rebuild failed'));
    return reply.status(202).send({ name, state: 'rebuilding' });
  });
};
