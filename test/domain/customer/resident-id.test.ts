import { describe, expect, it } from 'vitest';
import { residentIdCheckCharacter, residentIdProblem } from '../../../src/domain/customer/resident-id.js';

describe('mainland resident identity number (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '11010519491231002x', '110105198502023456', `44030420000229${'123'}${residentIdCheckCharacter('44030420000229123')}`])('accepts %s', (id) => {
    expect(residentIdProblem(id)).toBeNull();
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('11010519850202345')).toBe('6');
  });

  it.each([
    ['110105199001011234', /check character should be 2/],
    ['1101051990010112', /17 digits and a digit or X/],
    ['11010519900101123Y', /17 digits and a digit or X/],
    ['001051199001011232', /names no province/],
    ['990105199001011234', /names no province/],
    [`11010520260230123${residentIdCheckCharacter('11010520260230123')}`, /birth date 2026-02-30/],
    ['110105189912310016', /birth date 1899-12-31/],
  ])('refuses %s', (id, why) => {
    expect(residentIdProblem(id)).toMatch(why);
  });
});
