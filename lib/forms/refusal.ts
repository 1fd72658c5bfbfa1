import type { Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';

export const SESSION_ENDED = 'Your session has ended. Sign in again to continue.';
export const FORM_BROKEN = 'Something was wrong with the form. Please reload the page and try again.';

const WHO: Record<Role, string> = { patient: 'the patient', clinician: 'a clinician', manager: 'a manager' };

/**
 * The one refusal helper: an expected refusal (AppError) becomes the plain message shown on the form;
 * anything else is a fault and is rethrown (Next's redirect and notFound signals among them). `area` is
 * given for the action's own access check: a viewer refused there is told which role the form is for.
 */
export function refusalMessage(error: unknown, area?: Role): string {
  if (!(error instanceof AppError)) throw error;
  if (error.code === 'unauthenticated') return SESSION_ENDED;
  if (error.code === 'forbidden' && area) return `Please sign in again as ${WHO[area]} to do this.`;
  return error.message;
}
