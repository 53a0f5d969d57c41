import { describe, expect, it } from 'vitest';
import { returnPath, signInPath } from '../../web/src/session/return-path.js';

// A deep link opened signed out landed on the dashboard after sign-in: the login page now returns to it,
// and only to a page of this console in the role's area (no open redirect).
describe('the page a person returns to after signing in', () => {
  it('is the deep link asked for, path and query, carried in the sign-in page\'s query', () => {
    const login = new URL(signInPath('/office/loans?status=overdue&page=2'), 'https://c.example');
    expect(login.pathname).toBe('/login');
    const next = login.searchParams.get('next');
    expect(next).toBe('/office/loans?status=overdue&page=2');
    expect(returnPath(next, 'officer')).toBe('/office/loans?status=overdue&page=2');
    expect(returnPath('/portal/loans/l-1', 'borrower')).toBe('/portal/loans/l-1');
    expect(returnPath('/office', 'admin')).toBe('/office');
  });

  it('is the role\'s home without one, for another origin, a sign-in page or the other area', () => {
    for (const next of [null, '', 'office/loans', '//evil.example/office', '/\\evil.example', 'https://evil.example/office',
      'javascript:alert(1)', '/login?next=/office', '/dev-login', '/office\n/x', '/officer-tricks', '/portal/loans/l-1']) {
      expect(returnPath(next, 'officer'), String(next)).toBe('/office');
    }
    expect(returnPath('/office/audit', 'borrower')).toBe('/portal');
  });
});
