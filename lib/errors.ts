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
