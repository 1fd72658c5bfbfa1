import 'server-only';
import { forbidden, notFound, redirect } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/ids';
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

/**
 * For pages about one record named by the id in their address: the record, else the 404 page. An id
 * that is not a UUID names nothing and is not looked up; a record the viewer may not see comes back
 * from the data access layer as null and is "not found" too (docs/ARCHITECTURE.md).
 */
export async function loadRecord<T>(id: string, load: (id: string) => Promise<T | null>): Promise<T> {
  if (!isUuid(id)) notFound();
  const record = await loadPage(() => load(id));
  if (!record) notFound();
  return record;
}
