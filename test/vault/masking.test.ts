import { describe, expect, it } from 'vitest';
import { maskAccount, maskEmail, maskName, maskNationalId, maskPhone } from '../../src/vault/masking.js';

describe('masking', () => {
  it.each([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['John Doe', 'J*** D**'],
    ['  Li  ', 'L*'],
  ])('maskName(%s) = %s', (input, masked) => expect(maskName(input)).toBe(masked));

  it('keeps the first 3 and last 4 of a national id', () => {
    expect(maskNationalId('110105199001011234')).toBe('110***********1234');
    expect(maskNationalId('1234567')).toBe('*******');
  });

  it('masks phones, emails and accounts', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('138-1234-1234')).toBe('138****1234');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskEmail('john@x.com')).toBe('j***@x.com');
    expect(maskEmail('not-an-email')).toBe('***');
    expect(maskAccount('6222 0202 0011 2345 678')).toBe('****5678');
    expect(maskAccount('1234')).toBe('****');
  });
});
