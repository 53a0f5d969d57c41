import { legacyMobileDigits, nationalMobile } from '../domain/customer/mainland-mobile.js';

/**
 * Normalisation of the searchable PII, so a search matches however the value was typed:
 * names by Unicode compatibility form, case and spacing; phones by their digits, a mainland
 * mobile in its 11-digit national form (`+86 138-0000-2566` is `13800002566`); national ids
 * without separators, upper case; e-mail addresses trimmed and lower case.
 */
export type IndexedField = 'name' | 'phone' | 'nationalId' | 'email';

/** A normalised value of one field, before it is keyed into a token. */
export interface Term {
  field: IndexedField;
  value: string;
}

/** Longest name prefix indexed; a longer query is cut to it, so it still finds the name. */
export const MAX_NAME_PREFIX = 64;

export const normaliseName = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
export const normalisePhone = (phone: string): string => nationalMobile(phone) ?? phone.replace(/\D/g, '');
export const normaliseNationalId = (id: string): string => id.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
export const normaliseEmail = (email: string): string => email.normalize('NFKC').trim().toLowerCase();

/** Every term a customer's profile is found by: each prefix of the name (1..n code points), phone, national id and e-mail exactly. */
export function profileTerms(profile: { name: string; nationalId: string; phone: string; email?: string | null }): Term[] {
  const name = [...normaliseName(profile.name)].slice(0, MAX_NAME_PREFIX);
  const terms: Term[] = name.map((_, i) => ({ field: 'name', value: name.slice(0, i + 1).join('') }));
  const phone = normalisePhone(profile.phone);
  if (phone) terms.push({ field: 'phone', value: phone });
  const nationalId = normaliseNationalId(profile.nationalId);
  if (nationalId) terms.push({ field: 'nationalId', value: nationalId });
  if (profile.email) terms.push({ field: 'email', value: normaliseEmail(profile.email) });
  return terms;
}

/** What a free-text query `q` could be: a name prefix, and where its shape allows, a phone, national id or e-mail. */
export function queryTerms(q: string): Term[] {
  const terms: Term[] = [];
  const name = [...normaliseName(q)].slice(0, MAX_NAME_PREFIX).join('');
  if (name) terms.push({ field: 'name', value: name });
  if (/^[\d\s+().-]+$/.test(q) && normalisePhone(q).length >= 5) {
    const phone = normalisePhone(q);
    terms.push({ field: 'phone', value: phone });
    // Profiles indexed before phones had a national form hold the country code's digits: still found.
    if (nationalMobile(q) !== null) terms.push(...legacyMobileDigits(phone).map((value): Term => ({ field: 'phone', value })));
  }
  const nationalId = normaliseNationalId(q);
  if (/^[0-9A-Z]{6,}$/.test(nationalId)) terms.push({ field: 'nationalId', value: nationalId });
  if (q.includes('@')) terms.push({ field: 'email', value: normaliseEmail(q) });
  return terms;
}
