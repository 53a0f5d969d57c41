import type { ApiPlugin } from '../../deps.js';
import { authRoutes } from './auth.js';
import { meRoutes } from './me.js';
import { passwordRoutes } from './passwords.js';
import { securityEventRoutes } from './security-events.js';
import { userRoutes } from './users.js';

/** Identity's plugins: they need `deps.identity` (the runtime always opens it). */
export const identityRoutes: ApiPlugin[] = [authRoutes, passwordRoutes, userRoutes, meRoutes, securityEventRoutes];
