import { z } from 'zod';

/**
 * Characters no human-typed text may hold: C0 and C1 controls (tab and newline included), the
 * Unicode bidi controls (U+061C, U+200E/F, the embeddings and overrides U+202A–U+202E, the
 * isolates U+2066–U+2069: they reorder what a reviewer sees, e.g. `\u202E` turns "txt.exe" round),
 * line and paragraph separators, lone surrogates, private-use and unassigned code points (what
 * they show depends on the font, so two reviewers may read different text).
 */
const HOSTILE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029\p{Cs}\p{Co}\p{Cn}]/u;

const codePoint = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character `text` may not hold, as `U+XXXX`, or null when it is clean. */
export function hostileCharacter(text: string): string | null {
  const match = HOSTILE.exec(text);
  return match ? codePoint(match[0]) : null;
}

/** Longest accepted text per kind of field, in UTF-16 units after NFC and trimming. */
export const TEXT_LIMITS = { name: 100, employer: 200, label: 200, reason: 500 } as const;

/**
 * The one schema for free text at every edge (names, employers, purposes, reasons, notes,
 * product and holiday names): NFC-normalised and trimmed, then 1..`max` characters of it
 * holding none of the characters `hostileCharacter` finds (400 naming the code point).
 */
export function freeText(max: number) {
  return z
    .string()
    .normalize('NFC')
    .trim()
    .min(1)
    .max(max)
    .superRefine((text, ctx) => {
      const bad = hostileCharacter(text);
      if (bad !== null) ctx.addIssue({ code: 'custom', message: `holds ${bad}: control, bidi, private-use and unassigned characters are refused` });
    });
}
