/**
 * A mainland mobile number has one spelling here: its 11-digit national form (`13800002566`).
 * `+86 138-0000-2566`, `8613800002566`, `0086 138 0000 2566` and `(138) 0000 2566` are that number;
 * the country code is dropped so a search, a login and a stored profile all meet on one key.
 */
const MOBILE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;

/** The 11-digit national form, or null when `text` is not a mainland mobile (spaces, hyphens, dots, brackets ignored). */
export function nationalMobile(text: string): string | null {
  const compact = text.normalize('NFKC').trim().replace(/[\s().-]/g, '');
  return MOBILE.exec(compact)?.[1] ?? null;
}

/**
 * The digit strings the normalisers before the national form kept for `mobile` (an 11-digit
 * national number): what older login keys and blind-index tokens hold, so they stay reachable.
 */
export function legacyMobileDigits(mobile: string): string[] {
  return [`86${mobile}`, `0086${mobile}`];
}
