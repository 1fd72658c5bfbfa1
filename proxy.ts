/**
 * Convenience only: sends visitors without a session cookie to sign in, and back afterwards.
 * Authorization is enforced in lib/ (the data access layer), never here.
 */
import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from '@/lib/auth/config';

const { auth } = NextAuth(authConfig);

const AREAS = ['/patient', '/clinician', '/manager'];

export const proxy = auth((request) => {
  const { pathname } = request.nextUrl;
  const inArea = AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  if (inArea && !request.auth) {
    const url = new URL('/login', request.nextUrl.origin);
    url.searchParams.set('callbackUrl', pathname);
    return NextResponse.redirect(url);
  }
  const response = NextResponse.next();
  if (inArea) response.headers.set('Cache-Control', 'private, no-store');
  return response;
});

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|exercises/|articles/|api/health).*)'],
};
