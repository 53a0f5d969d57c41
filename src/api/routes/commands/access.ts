import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loanOwner } from '../../../app/streams.js';
import type { Actor } from '../../../domain/actor.js';
import type { EventStore } from '../../../eventstore/port.js';
import { assertOwnership, authorize } from '../../auth/authorize.js';
import { POLICY, type RouteId, type RoutePolicy } from '../../auth/policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's row in POLICY; command plugins check the caller's role against it before validation. */
    policy?: RouteId;
  }
}

/**
 * Checks the role before the body is validated, so a caller without a token (401) or with the
 * wrong role (403) learns nothing about the route's schema. Ownership needs the validated body
 * and is checked by `admit` in the handler.
 */
export function checkRoleBeforeValidation(scope: FastifyInstance): void {
  scope.addHook('preValidation', async (request) => {
    const route = request.routeOptions.config.policy;
    if (route !== undefined) authorize(request, route);
  });
}

/** What a route acts on, for routes whose policy row says `borrowerOwns`. */
export type Target = { customerId: string | null | undefined } | { loanId: string };

/**
 * The one gate of every command route: the caller's role must be in the route's POLICY row, and
 * on `borrowerOwns` routes a borrower must own the customer or loan, else 404 (never 403), so
 * ids cannot be probed. A loan's owner comes from its first event, not a lagging read model.
 */
export async function admit(request: FastifyRequest, route: RouteId, eventStore: EventStore, target?: Target): Promise<Actor> {
  const actor = authorize(request, route);
  const owns = (POLICY[route] as RoutePolicy).borrowerOwns;
  if (actor.role !== 'borrower' || owns === undefined) return actor;
  const owner = target === undefined ? null : 'loanId' in target ? await loanOwner(eventStore, target.loanId) : target.customerId;
  assertOwnership(actor, owner);
  return actor;
}
