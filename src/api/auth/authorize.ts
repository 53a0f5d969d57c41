import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Actor } from '../../domain/actor.js';
import { forbidden, notFound } from '../http-error.js';
import { authenticatedActor } from './authenticate.js';
import { POLICY, type RouteId } from './policy.js';
import type { TokenRole } from './token.js';

/** The caller, if its role is one of `roles`; 401 without a valid token, 403 for another role. */
export function requireActorRole(request: FastifyRequest, roles: readonly TokenRole[]): Actor {
  const actor = authenticatedActor(request);
  if (!(roles as readonly string[]).includes(actor.role)) throw forbidden(`role ${actor.role} may not do this; allowed: ${roles.join(', ')}`);
  return actor;
}

/** A preHandler admitting only the given roles (sets nothing new: `request.actor` is already set). */
export function requireRole(...roles: TokenRole[]): preHandlerAsyncHookHandler {
  return async (request) => {
    requireActorRole(request, roles);
  };
}

/** Checks the caller against the route's row in POLICY and returns it. */
export function authorize(request: FastifyRequest, route: RouteId): Actor {
  return requireActorRole(request, POLICY[route].roles);
}

/**
 * For routes with `borrowerOwns`: a borrower acting on another customer's resource (or one whose
 * owner is unknown) gets 404, as if it did not exist. Staff pass.
 */
export function assertOwnership(actor: Actor, ownerCustomerId: string | null | undefined): void {
  if (actor.role === 'borrower' && (ownerCustomerId == null || ownerCustomerId !== actor.customerId)) throw notFound();
}
