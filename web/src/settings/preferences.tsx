import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Language } from '../i18n/i18n';

export interface Preferences {
  language: Language;
  theme: 'light' | 'dark';
  density: 'comfortable' | 'compact';
}

const KEY = 'lendcore.preferences';
const DEFAULTS: Preferences = { language: 'zh-CN', theme: 'light', density: 'comfortable' };

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

interface PreferencesApi {
  preferences: Preferences;
  update(change: Partial<Preferences>): void;
}

const PreferencesContext = createContext<PreferencesApi>({ preferences: DEFAULTS, update: () => undefined });

/**
 * Theme, density and language, kept in this browser's localStorage. (Per-user storage on the
 * server, GET/PUT /v1/me/preferences, is issue #13; `update` is where it plugs in.)
 */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [preferences, setPreferences] = useState<Preferences>(load);
  useEffect(() => {
    localStorage.setItem(KEY, JSON.stringify(preferences));
    document.documentElement.lang = preferences.language;
  }, [preferences]);
  const update = useCallback((change: Partial<Preferences>) => setPreferences((p) => ({ ...p, ...change })), []);
  return <PreferencesContext.Provider value={{ preferences, update }}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesApi {
  return useContext(PreferencesContext);
}
