import { createContext, useContext, type ReactNode } from 'react';
import { en, type MessageKey } from './en-US';
import { zh } from './zh-CN';

export { labelOf } from './label-of';

export type Language = 'zh-CN' | 'en-US';
const CATALOGS: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zh, 'en-US': en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Looks a key up in the catalog and fills `{name}` placeholders. */
export function translator(language: Language): Translate {
  const catalog = CATALOGS[language];
  return (key, vars) => (catalog[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}

const TranslateContext = createContext<Translate>(translator('zh-CN'));

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <TranslateContext.Provider value={translator(language)}>{children}</TranslateContext.Provider>;
}

/** The current language's translate function; every visible string goes through it. */
export function useT(): Translate {
  return useContext(TranslateContext);
}

export type { MessageKey };
