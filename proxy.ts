/**
 * Runs before every page, route handler and server action:
 * - sets the security headers: a per-request nonce Content-Security-Policy (Next.js reads the
 *   nonce from the request's CSP header and puts it on its own scripts), HSTS in production over
 *   HTTPS, and `Cache-Control: private, no-store` so nothing user-specific enters a shared cache;
 * - as a convenience, sends visitors without a session cookie to sign in.
 * Authorization is enforced in lib/ (the data access layer), never here.
 */
import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { contentSecurityPolicy, HSTS_VALUE, newNonce, NO_STORE, wantsHsts } from '@/lib/security-headers';

const { auth } = NextAuth(authConfig);

const AREAS = ['/patient', '/clinician', '/manager'];
/** Next.js's default server action body limit (1 MB). */
const ACTION_BODY_LIMIT = 1024 * 1024;

export const proxy = auth((request) => {
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

  const inArea = AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  let response: NextResponse;
  if (inArea && !request.auth) {
    const url = new URL('/login', request.nextUrl.origin);
    url.searchParams.set('callbackUrl', pathname);
    response = NextResponse.redirect(url);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set('Content-Security-Policy', policy);
  response.headers.set('Cache-Control', NO_STORE);
  if (wantsHsts(process.env.NODE_ENV === 'production', request.nextUrl.protocol, request.headers.get('x-forwarded-proto'))) {
    response.headers.set('Strict-Transport-Security', HSTS_VALUE);
  }
  return response;
});

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
  matcher: ['/((?!_next/static|_next/image|favicon.ico|exercises/|articles/).*)'],
};
