import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { residentIdCheckCharacter, residentIdProblem } from '../../src/domain/customer/resident-id.js';
import { isResidentId, nationalIdRules } from '../../web/src/shell/resident-id-rules.js';
import { check } from './form-rules.js';

const t = (key: string): string => key;
/** The first message the national-id rules give for a value when the id type is `type`, or null. */
const messageOf = (value: string, type: string) => check(nationalIdRules(t as never, () => type), value);

describe('resident identity numbers in the browser, as the server checks them', () => {
  it('agrees with the server on valid numbers, wrong check characters, regions and birth dates', () => {
    const first17 = fc.tuple(
      fc.constantFrom('11', '31', '44', '65', '91', '00', '99', '20'),
      fc.stringMatching(/^\d{4}$/),
      fc.integer({ min: 1890, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }),
      fc.stringMatching(/^\d{3}$/),
    ).map(([p, r, y, m, d, s]) => `${p}${r}${String(y)}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${s}`);
    fc.assert(fc.property(first17, fc.constantFrom(...'0123456789Xx'), fc.boolean(), (head, last, useCheck) => {
      const id = head + (useCheck ? residentIdCheckCharacter(head) : last);
      expect(isResidentId(id), id).toBe(residentIdProblem(id) === null);
    }), { numRuns: 2000 });
    for (const bad of ['12345', '11010519900101123', '1101051990010112345', 'abcdefghijklmnopqr']) expect(isResidentId(bad)).toBe(residentIdProblem(bad) === null);
  });

  it('is a field message only for a resident identity card', async () => {
    expect(await messageOf('', 'cn_resident')).toBe('form.required');
    expect(await messageOf('110105199001011234', 'cn_resident')).toBe('form.residentId');
    expect(await messageOf('110105199001011232', 'cn_resident')).toBeNull();
    expect(await messageOf('11010519900101123x', 'cn_resident')).toBe(residentIdProblem('11010519900101123x') === null ? null : 'form.residentId');
    expect(await messageOf('E12345678', 'passport')).toBeNull();
    expect(await messageOf('12345', 'other')).toBeNull();
  });
});
