import { describe, expect, it } from 'vitest';
import { hashPassword, PASSWORD_SCRYPT, verifyPassword } from '../../src/identity/passwords.js';
import { normaliseLogin } from '../../src/identity/users.js';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('stores its parameters and a fresh salt with each hash, and verifies only the same password', async () => {
    const a = await hashPassword('velvet-harbour-quantum-87', CHEAP);
    const b = await hashPassword('velvet-harbour-quantum-87', CHEAP);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('velvet-harbour-quantum-87', a)).toBe(true);
    expect(await verifyPassword('velvet-harbour-quantum-88', a)).toBe(false);
  });

  it('treats canonically equal Unicode spellings as one password', async () => {
    const hash = await hashPassword('caf\u00e9-harbour-quantum', CHEAP);
    expect(await verifyPassword('cafe\u0301-harbour-quantum', hash)).toBe(true);
  });

  it('never matches a malformed or foreign hash', async () => {
    for (const stored of ['', 'scrypt$1024$8$1$abc', 'bcrypt$2b$10$x', 'scrypt$x$8$1$c2FsdA==$a2V5']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it('defaults to N=2^15, r=8, p=3', () => {
    expect(PASSWORD_SCRYPT).toEqual({ N: 32768, r: 8, p: 3 });
  });
});

describe('login names', () => {
  it('folds case, width and phone punctuation into one spelling', () => {
    expect(normaliseLogin(' Li.Si@Example.COM ')).toBe('li.si@example.com');
    expect(normaliseLogin('ＵＬＦ')).toBe('ulf');
    expect(normaliseLogin('+86 138-1234-1234')).toBe('13812341234');
    expect(normaliseLogin('+852 6123-4567')).toBe('+85261234567');
  });
});
