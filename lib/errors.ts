import { redirect } from 'next/navigation';

export type AppErrorCode = 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'invalid_input' | 'unavailable';

const HTTP_STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_input: 400,
  unavailable: 503,
};

/** An expected failure. The message is safe to show; it never carries health data or SQL. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

export type ActionResult<T = undefined> =
  | ({ ok: true } & (T extends undefined ? { data?: undefined } : { data: T }))
  | { ok: false; formError?: string; fieldErrors?: Record<string, string[] | undefined> };

/**
 * For plain form actions (`<form action={action}>`), which have no state to answer with: an expected
 * refusal from the data access layer sends the person to `page`, whose guard then says why (sign in
 * again, or not their area), instead of failing with a server error. Anything else is rethrown.
 */
export function refusedTo(page: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof AppError) redirect(page);
    throw error;
  };
}

/** For server actions: an expected refusal from the data access layer becomes a form message; anything else is rethrown. */
export function refusal(error: unknown): { ok: false; formError: string } {
  if (error instanceof AppError) return { ok: false, formError: error.message };
  throw error;
}
