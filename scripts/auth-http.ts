/**
 * The CSRF token and its cookie for a credentials sign-in over HTTP, as the suites sign in. proxy.ts's
 * Auth.js wrapper may set a second CSRF cookie: the one returned is the one that matches the token.
 */
export async function fetchCsrf(base: string): Promise<{ csrfToken: string; csrfCookie: string | undefined }> {
  const response = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const csrfCookie = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .find((cookie) => decodeURIComponent(cookie.split('=')[1] ?? '').startsWith(`${csrfToken}|`));
  return { csrfToken, csrfCookie };
}
