/**
 * The part of the Auth.js configuration that needs no database, shared by the route handlers
 * (lib/auth/index.ts) and proxy.ts. Authorization never relies on this alone: every request is
 * re-checked against the database in lib/auth/viewer.ts.
 */
import type { NextAuthConfig } from 'next-auth';
import { SESSION_IDLE_SECONDS } from './roles';
import { decodeSessionToken, encodeSessionToken } from './session-token';

export const authConfig = {
  trustHost: true,
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS, updateAge: 60 },
  // Auth.js's own cookie format, with the derived key cached (lib/auth/session-token.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const claims = user as { id?: string; role?: string; sessionVersion?: number };
        token.sub = claims.id;
        token.role = claims.role;
        token.sv = claims.sessionVersion;
        // Absolute session lifetime counts from here; `iat` moves when the cookie is refreshed.
        token.sia = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: token.sub ?? '' },
        sv: token.sv,
        sia: token.sia,
        role: token.role,
      };
    },
  },
  logger: {
    error(error) {
      // A wrong password is expected traffic, not a server error; it is audited instead.
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      // Loaded on first use: the proxy shares this configuration and stays light.
      void import('@/lib/log').then(({ log }) => log().error({ err: error }, 'auth error'));
    },
    warn() {},
  },
} satisfies NextAuthConfig;
