import type Database from 'better-sqlite3';
import { z } from 'zod';

/** What the web console remembers per person, server-side so it follows them across browsers. */
export const preferencesSchema = z
  .object({
    theme: z.enum(['light', 'dark']),
    density: z.enum(['comfortable', 'compact']),
    language: z.enum(['zh-CN', 'en-US']),
  })
  .strict();
export type Preferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = { theme: 'light', density: 'comfortable', language: 'zh-CN' };

/** Keyed by token subject, so staff with locally minted tokens have preferences too. */
export class PreferenceStore {
  constructor(private readonly db: Database.Database) {}

  get(subject: string): Preferences {
    const row = this.db.prepare('SELECT document FROM preferences WHERE subject = ?').get(subject) as { document: string } | undefined;
    if (!row) return DEFAULT_PREFERENCES;
    const stored = preferencesSchema.safeParse(JSON.parse(row.document));
    return stored.success ? stored.data : DEFAULT_PREFERENCES;
  }

  forget(subject: string): void {
    this.db.prepare('DELETE FROM preferences WHERE subject = ?').run(subject);
  }

  put(subject: string, preferences: Preferences): void {
    this.db
      .prepare('INSERT INTO preferences (subject, document) VALUES (?, ?) ON CONFLICT (subject) DO UPDATE SET document = excluded.document')
      .run(subject, JSON.stringify(preferences));
  }
}
