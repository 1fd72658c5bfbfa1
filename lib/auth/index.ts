import 'server-only';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authConfig } from './config';
import { authenticate } from './credentials';
import { clientAddressFrom } from './client-address';

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  // Never trimmed or altered: verified exactly as typed (ASVS 6.2.8).
  password: z.string().min(1).max(128),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await authenticate(parsed.data.email, parsed.data.password, clientAddressFrom(request.headers));
        if (!user) return null;
        return { id: user.id, role: user.role, sessionVersion: user.sessionVersion } as never;
      },
    }),
  ],
});
