import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../api/types';
import { useSession } from '../session/session';

/** Renders its children for a signed-in user of one of `roles`; anyone else goes to the login page. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session || !roles.includes(session.role)) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}
