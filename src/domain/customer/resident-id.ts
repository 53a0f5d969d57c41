import { isValidDate } from '../calendar.js';

/** ISO 7064 MOD 11-2 weights of the first 17 characters (GB 11643-1999). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check character for each remainder mod 11. */
const CHECK = '10X98765432';
/** First two digits of the region code (GB/T 2260 provinces; 71 Taiwan, 81/82 Hong Kong/Macau, 83 Taiwan residence permits, 91 foreigners' permanent residence). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83', '91',
]);

/** The check character GB 11643-1999 gives the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * (WEIGHTS[i] ?? 0), 0);
  return CHECK[sum % 11] ?? '';
}

/**
 * Why `id` is not a mainland resident identity number (GB 11643-1999), or null when it is one:
 * 18 characters (17 digits and a digit or X, lower case x accepted), a region code whose first
 * two digits name a province, a real birth date from 1900 on (YYYYMMDD at 7–14), and the ISO
 * 7064 MOD 11-2 check character.
 */
export function residentIdProblem(id: string): string | null {
  if (!/^\d{17}[\dXx]$/.test(id)) return 'a resident identity number is 17 digits and a digit or X';
  if (!PROVINCES.has(id.slice(0, 2))) return `region code ${id.slice(0, 6)} names no province`;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidDate(birth) || birth < '1900-01-01') return `birth date ${birth} is not a real date from 1900 on`;
  const check = residentIdCheckCharacter(id.slice(0, 17));
  if (id[17]?.toUpperCase() !== check) return `check character should be ${check}, not ${id[17] ?? ''}`;
  return null;
}

/**
 * The birth date (YYYY-MM-DD) a valid resident identity number carries, or null when `id` is not
 * one (see residentIdProblem): any id that passes GB 11643 is read as one, whatever type was given.
 */
export function residentIdBirthDate(id: string): string | null {
  if (residentIdProblem(id) !== null) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}
