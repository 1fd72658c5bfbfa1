import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import type { Role } from './roles';
import { getViewer, requireRole, type Viewer } from './viewer';

/**
 * For pages and layouts: the viewer of an area, else a redirect to sign in or the 403 page.
 * The data access layer checks again for each record; this only picks the right screen.
 */
export async function guardArea(role: Role): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer && viewer.role === role && viewer.mfaSetupRequired) redirect('/mfa-setup');
  try {
    return await requireRole(role);
  } catch (error) {
    if (isAppError(error, 'unauthenticated')) redirect('/login');
    if (isAppError(error, 'forbidden')) forbidden();
    throw error;
  }
}
