import { z } from 'zod';

/** What the signed session cookie carries. Validated before use; anything else is no session. */
export const sessionClaimsSchema = z.object({
  userId: z.string().uuid(),
  sessionVersion: z.number().int().positive(),
  signedInAt: z.number().int().positive(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

type TestHook = { claims: SessionClaims | null; clientAddress?: string };

/**
 * Integration tests run DAL code outside a Next.js request. They set the session claims here;
 * the rest of the check (user reloaded from the database, version, active flag, lifetime) is the
 * same code the server runs. Only honoured under vitest.
 */
export function setTestSession(claims: SessionClaims | null, clientAddress?: string): void {
  if (!process.env.VITEST) throw new Error('setTestSession is only for tests');
  (globalThis as { __upliftTestSession?: TestHook }).__upliftTestSession = { claims, clientAddress };
}

export function readTestSession(): TestHook | undefined {
  if (!process.env.VITEST) return undefined;
  return (globalThis as { __upliftTestSession?: TestHook }).__upliftTestSession;
}
