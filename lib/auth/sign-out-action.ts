'use server';

import { signOut } from '@/lib/auth';
import { endViewerSessions } from '@/lib/auth/sign-out';

export async function signOutAction(): Promise<void> {
  await endViewerSessions();
  await signOut({ redirectTo: '/login' });
}
