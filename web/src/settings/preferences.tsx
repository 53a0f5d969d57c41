import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { getJson, putJson } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { ApiResponse } from '../api/schema';
import { useSession } from '../session/session';

/** Theme, density and language as GET/PUT /v1/me/preferences carry them. */
export type Preferences = ApiResponse<'me.preferences'>;

const KEY = 'lendcore.preferences';
const DEFAULTS: Preferences = { language: 'zh-CN', theme: 'light', density: 'comfortable' };
const PATH = '/v1/me/preferences';

function load(): Preferences {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Preferences>;
    return {
      language: stored.language === 'en-US' ? 'en-US' : DEFAULTS.language,
      theme: stored.theme === 'dark' ? 'dark' : DEFAULTS.theme,
      density: stored.density === 'compact' ? 'compact' : DEFAULTS.density,
    };
  } catch {
    return DEFAULTS;
  }
}

/** 401 and 404 mean "no server-side preferences for this caller": the browser's own copy is used alone. */
const noServerCopy = (error: unknown) => error instanceof ApiProblem && (error.status === 401 || error.status === 404);

interface PreferencesApi {
  preferences: Preferences;
  update(change: Partial<Preferences>): void;
}

const PreferencesContext = createContext<PreferencesApi>({ preferences: DEFAULTS, update: () => undefined });

/**
 * Theme, density and language. Always kept in this browser's localStorage; for a person signed in
 * with an account (POST /v1/auth/login) also loaded from GET /v1/me/preferences after login and saved
 * with PUT on every change, so they follow the person across browsers. Development tokens keep the
 * browser's copy only; a 401/404 from the API falls back to it too.
 */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [preferences, setPreferences] = useState<Preferences>(load);
  const { session } = useSession();
  const synced = useRef(false);
  const account = session?.kind === 'account' ? session.sub : null;
  useEffect(() => {
    localStorage.setItem(KEY, JSON.stringify(preferences));
    document.documentElement.lang = preferences.language;
  }, [preferences]);
  useEffect(() => {
    synced.current = false;
    if (account === null) return;
    let current = true;
    getJson<Preferences>(PATH)
      .then((stored) => {
        if (!current) return;
        synced.current = true;
        setPreferences(stored);
      })
      .catch((error: unknown) => {
        if (!noServerCopy(error)) console.warn('preferences not loaded', error);
      });
    return () => { current = false; };
  }, [account]);
  const latest = useRef(preferences);
  latest.current = preferences;
  const update = useCallback((change: Partial<Preferences>) => {
    const next = { ...latest.current, ...change };
    latest.current = next;
    setPreferences(next);
    if (!synced.current) return;
    putJson(PATH, next).catch((error: unknown) => {
      if (noServerCopy(error)) synced.current = false;
      else console.warn('preferences not saved', error);
    });
  }, []);
  return <PreferencesContext.Provider value={{ preferences, update }}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesApi {
  return useContext(PreferencesContext);
}
