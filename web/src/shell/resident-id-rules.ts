import type { FormRule as Rule } from 'antd';
import type { MessageKey } from '../i18n/en-US.js';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The identity document kinds the API knows (nationalIdType); only `cn_resident` numbers are checked. */
export type NationalIdType = 'cn_resident' | 'passport' | 'other';
export const NATIONAL_ID_TYPES: readonly NationalIdType[] = ['cn_resident', 'passport', 'other'];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83', '91']);

function realDate(yyyymmdd: string): boolean {
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Whether `id` is a mainland resident identity number as the server checks it (src/domain/customer/resident-id.ts,
 * GB 11643-1999): 17 digits and a digit or X, a province's region code, a real birth date from 1900 on, the
 * ISO 7064 MOD 11-2 check character. A validation mirror for a field message; test/web compares it with the server's.
 */
export function isResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id) || !PROVINCES.has(id.slice(0, 2)) || !realDate(id.slice(6, 14))) return false;
  const sum = [...id.slice(0, 17)].reduce((total, digit, i) => total + Number(digit) * (WEIGHTS[i] ?? 0), 0);
  return id[17]?.toUpperCase() === CHECK[sum % 11];
}

/**
 * The identity number's rules: required, and for a resident identity card a valid number (the API checks it only
 * when the form says it is one, so the console sends nationalIdType and checks it first). `typeOf` reads the form's type.
 */
export function nationalIdRules(t: Translate, typeOf: () => unknown): Rule[] {
  return [
    { required: true, message: t('form.required') },
    {
      validator: (_, value: unknown) => {
        const id = typeof value === 'string' ? value.trim() : '';
        return id === '' || typeOf() !== 'cn_resident' || isResidentId(id) ? Promise.resolve() : Promise.reject(new Error(t('form.residentId')));
      },
    },
  ];
}
