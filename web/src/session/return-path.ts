/** Pages that sign someone in: never a page to come back to. */
const SIGN_IN_PAGES = ['/login', '/dev-login', '/register'];
/** Any origin serves to resolve a path against; only the path and query of the result are kept. */
const HERE = 'https://console.invalid';

/** Where a role (a session's `role`) lands after signing in: borrowers in the portal, staff in the back office. */
export function homeOf(role: string): string {
  return role === 'borrower' ? '/portal' : '/office';
}

/** The sign-in page that returns to `pathAndQuery` (a deep link opened signed out, or a session that ended). */
export function signInPath(pathAndQuery: string): string {
  return `/login?${new URLSearchParams({ next: pathAndQuery }).toString()}`;
}

/**
 * The page to open once `role` has signed in: `next` (path and query) when it is a page of this console
 * in the role's area, else the role's home. Anything else — another origin (`//evil.example`,
 * `https://…`, `/\evil.example`, which browsers read as one), a sign-in page, the other area — goes home,
 * so a link cannot send a person who signs in anywhere but here (no open redirect).
 */
export function returnPath(next: string | null, role: string): string {
  const home = homeOf(role);
  if (!next?.startsWith('/') || next.startsWith('//') || /[\\\s]/.test(next)) return home;
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return home;
  }
  if (url.origin !== HERE || SIGN_IN_PAGES.includes(url.pathname)) return home;
  if (url.pathname !== home && !url.pathname.startsWith(`${home}/`)) return home;
  return url.pathname + url.search;
}
