import 'server-only';
import { forbidden, notFound, redirect } from 'next/navigation';
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

/**
 * For pages: runs a data-access call and turns its expected refusals into the right screen
 * (sign in, 403, 404) instead of an error. Anything unexpected still reaches the error boundary.
 */
export async function loadPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error, 'unauthenticated')) redirect('/login');
    if (isAppError(error, 'forbidden')) forbidden();
    if (isAppError(error, 'not_found')) notFound();
    throw error;
  }
}
