import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { setRefresher, setTokenSource } from '../api/client';
import type { ApiResponse } from '../api/schema';
import type { Role } from '../api/types';

export interface Session {
  token: string;
  sub: string;
  role: Role;
  customerId: string | null;
  /**
   * `account`: signed in with POST /v1/auth/login (refreshable through the httpOnly refresh cookie,
   * preferences kept on the server); absent or `dev`: a development token from /v1/dev/session.
   */
  kind?: 'account' | 'dev';
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
  /** True once the user signed out in this tab (until the next sign-in): the login page then has no page to return to. */
  signedOut: boolean;
}

const SessionContext = createContext<SessionApi>({ session: null, signIn: () => undefined, signOut: () => undefined, signedOut: false });

/** The signed-in user and its bearer token, kept for this tab only (sessionStorage); the API client reads the token from here. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(load);
  const [signedOut, setSignedOut] = useState(false);
  const current = useRef(session);
  current.current = session;
  const queryClient = useQueryClient();
  setTokenSource(() => current.current?.token ?? null);
  const store = useCallback((next: Session | null) => {
    if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
    else sessionStorage.removeItem(KEY);
    current.current = next;
    setSession(next);
  }, []);
  // One refresh at a time: concurrent 401s wait for the same POST /v1/auth/refresh (the refresh token rotates).
  const inFlight = useRef<Promise<boolean> | null>(null);
  setRefresher(() => {
    const before = current.current;
    if (before?.kind !== 'account') return Promise.resolve(false);
    inFlight.current ??= fetch('/v1/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      .then(async (response) => {
        if (!response.ok) {
          store(null);
          return false;
        }
        const tokens = (await response.json()) as ApiResponse<'auth.refresh'>;
        store({ ...before, token: tokens.accessToken });
        return true;
      })
      .catch(() => false)
      .finally(() => { inFlight.current = null; });
    return inFlight.current;
  });
  const signIn = useCallback((next: Session) => {
    // Nothing one user fetched is shown to the next.
    queryClient.clear();
    setSignedOut(false);
    store(next);
  }, [queryClient, store]);
  const signOut = useCallback(() => {
    const ending = current.current;
    // Ends the server session (bearer token, and the refresh cookie the browser sends); idempotent, so a failure changes nothing here.
    if (ending?.kind === 'account') {
      void fetch('/v1/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ending.token}` }, body: '{}' }).catch(() => undefined);
    }
    queryClient.clear();
    setSignedOut(true);
    store(null);
  }, [queryClient, store]);
  return <SessionContext.Provider value={{ session, signIn, signOut, signedOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  return useContext(SessionContext);
}
