'use server';

import { z } from 'zod';
import { signOut } from '@/lib/auth';
import { endViewerSessions } from '@/lib/auth/sign-out';
import { formAction } from '@/lib/forms/action';

/** Sign out, from any area. Open to anyone (an ended session still signs out), and it refuses nothing: extra fields are ignored. */
export const signOutAction = formAction({
  access: 'public',
  schema: z.object({}),
  run: async () => {
    await endViewerSessions();
    await signOut({ redirectTo: '/login' });
  },
  failed: () => '/login',
});
