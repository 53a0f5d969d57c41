import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../api/types';
import { signInPath } from '../session/return-path';
import { useSession } from '../session/session';
import { NoAccess } from './NoAccess';

/**
 * Renders its children for a signed-in user of one of `roles`; anyone not signed in goes to the login page,
 * which brings them back here (path and query) once signed in,
 * and a signed-in user of another role is told the page is not theirs (not sent to log in again).
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { session, signedOut } = useSession();
  const location = useLocation();
  // Signed out on purpose (the header's button), the page is left for the login page itself, with nothing to return to.
  if (!session) return <Navigate to={signedOut ? '/login' : signInPath(location.pathname + location.search)} replace />;
  if (!roles.includes(session.role)) return <NoAccess />;
  return <>{children}</>;
}
