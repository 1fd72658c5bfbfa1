/**
 * Runs before every page, route handler and server action:
 * - sets the security headers: a per-request nonce Content-Security-Policy (Next.js reads the
 *   nonce from the request's CSP header and puts it on its own scripts), HSTS in production over
 *   HTTPS, and `Cache-Control: private, no-store` so nothing user-specific enters a shared cache;
 * - keeps the session cookie rolling (the idle timeout counts from the last request) and clears one
 *   that cannot be read, here rather than through Auth.js's whole session action, which is the
 *   largest single cost of a signed-in page (docs/PERFORMANCE.md);
 * - as a convenience, sends visitors without a readable session cookie to sign in.
 * Authorization is enforced in lib/ (the data access layer), never here.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { checkSessionCookie } from '@/lib/auth/session-cookie';
import { authSecrets, sessionCookieName, sessionCookieValue } from '@/lib/auth/session-token';
import { contentSecurityPolicy, HSTS_VALUE, newNonce, NO_STORE, wantsHsts } from '@/lib/security-headers';

const AREAS = ['/patient', '/clinician', '/manager'];
/** Next.js's default server action body limit (1 MB). */
const ACTION_BODY_LIMIT = 1024 * 1024;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });

  // A server action posted from another site: refuse plainly (Next.js would refuse too, but with a 500).
  if (request.headers.has('next-action') && !sameOrigin(request.headers.get('origin'), request.headers.get('host'))) {
    return new NextResponse('Cross-site request refused.', {
      status: 403,
      headers: { 'Content-Security-Policy': policy, 'Cache-Control': NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }

  // Next.js refuses action bodies over its 1 MB limit by throwing (a 500); say what it is instead.
  if (request.headers.has('next-action') && Number(request.headers.get('content-length') ?? 0) > ACTION_BODY_LIMIT) {
    return new NextResponse('Request too large.', {
      status: 413,
      headers: { 'Content-Security-Policy': policy, 'Cache-Control': NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }

  const name = sessionCookieName(request.headers.get('x-forwarded-proto') ?? request.nextUrl.protocol.replace(/:$/, ''));
  const session = await checkSessionCookie({
    token: sessionCookieValue(name, request.cookies),
    name,
    secure: name.startsWith('__Secure-'),
    secret: authSecrets(),
  });
  const inArea = AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  let response: NextResponse;
  if (inArea && session.state !== 'valid') {
    const url = new URL('/login', request.nextUrl.origin);
    url.searchParams.set('callbackUrl', pathname);
    response = NextResponse.redirect(url);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  if (session.state === 'invalid') response.cookies.set(session.clear);
  if (session.state === 'valid' && session.refresh) response.cookies.set(session.refresh);
  response.headers.set('Content-Security-Policy', policy);
  response.headers.set('Cache-Control', NO_STORE);
  if (wantsHsts(process.env.NODE_ENV === 'production', request.nextUrl.protocol, request.headers.get('x-forwarded-proto'))) {
    response.headers.set('Strict-Transport-Security', HSTS_VALUE);
  }
  return response;
}

function sameOrigin(origin: string | null, host: string | null): boolean {
  if (!origin) return true; // Same-origin fetches from older browsers may omit it; Next.js checks again.
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const config = {
  // Static assets carry no user data and are cached normally.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|icons/|exercises/|articles/).*)'],
};
