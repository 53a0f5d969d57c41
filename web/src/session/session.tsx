import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { setTokenSource } from '../api/client';
import type { Role } from '../api/types';

export interface Session {
  token: string;
  sub: string;
  role: Role;
  customerId: string | null;
}

const KEY = 'lendcore.session';

function load(): Session | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    return stored?.token ? stored : null;
  } catch {
    return null;
  }
}

interface SessionApi {
  session: Session | null;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionApi>({ session: null, signIn: () => undefined, signOut: () => undefined });

/** The signed-in user and its bearer token, kept for this tab only (sessionStorage); the API client reads the token from here. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(load);
  const queryClient = useQueryClient();
  setTokenSource(() => session?.token ?? null);
  const signIn = useCallback((next: Session) => {
    sessionStorage.setItem(KEY, JSON.stringify(next));
    // Nothing one user fetched is shown to the next.
    queryClient.clear();
    setSession(next);
  }, [queryClient]);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(KEY);
    queryClient.clear();
    setSession(null);
  }, [queryClient]);
  return <SessionContext.Provider value={{ session, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  return useContext(SessionContext);
}

/** Where a role lands after signing in: borrowers in the portal, staff in the back office. */
export function homeOf(role: Role): string {
  return role === 'borrower' ? '/portal' : '/office';
}
