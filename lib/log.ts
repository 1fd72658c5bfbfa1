/**
 * Structured logs (pino, JSON lines on stdout) that never hold health data or secrets
 * (docs/SECURITY.md, Logging):
 * - errors are logged by kind, code and where they happened: a database error as its SQLSTATE and
 *   the failing query's name (db/errors.ts), any other error without its message, which can echo
 *   what someone typed;
 * - fields that carry people's data or secrets are redacted wherever they appear.
 * No `server-only` marker: scripts log through it too.
 */
import pino, { type Logger } from 'pino';
import { DatabaseError } from '@/db/errors';

/** Keys whose values are never written, at the top level or one object down. */
const SENSITIVE_KEYS = [
  'password', 'passwordHash', 'newPassword', 'currentPassword', 'token', 'secret', 'recoveryCode',
  'cookie', 'authorization', 'email', 'name', 'dateOfBirth', 'note', 'notes', 'comment', 'subjective',
  'objective', 'assessment', 'plan', 'summary', 'params', 'body', 'detail', 'values', 'answers',
];
export const REDACT_PATHS = [...SENSITIVE_KEYS, ...SENSITIVE_KEYS.map((key) => `*.${key}`), 'req.headers.cookie', 'req.headers.authorization'];

type SafeError = { type: string; code?: string; sqlstate?: string; query?: string; constraint?: string; table?: string; digest?: string; stack?: string[] };

/** What a log may say about an error: never its message (it can echo input), never bound values. */
export function safeError(error: unknown): SafeError {
  // By name as well as class: instrumentation and the routes are bundled apart, each with its own copy of the class.
  if (error instanceof DatabaseError || (error instanceof Error && error.name === 'DatabaseError')) {
    const facts = error as DatabaseError;
    return { type: 'DatabaseError', sqlstate: facts.code, query: facts.query, constraint: facts.constraint, table: facts.table, stack: frames(error) };
  }
  if (error instanceof Error) {
    const { code, digest } = error as { code?: unknown; digest?: unknown };
    return {
      type: error.name || 'Error',
      ...(typeof code === 'string' && /^[\w.-]{1,64}$/.test(code) ? { code } : {}),
      ...(typeof digest === 'string' ? { digest } : {}),
      stack: frames(error),
    };
  }
  return { type: typeof error };
}

/** The "at …" lines of a stack: where it happened, without the message line(s) above them. */
function frames(error: Error): string[] {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim());
}

export function createLogger(destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { app: 'uplift' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: safeError, error: safeError },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

const globalForLog = globalThis as unknown as { upliftLogger?: Logger };

/** The process's logger, made once. */
export function log(): Logger {
  return (globalForLog.upliftLogger ??= createLogger());
}

/**
 * Routes console.error and console.warn through the logger, so errors that Next.js itself prints
 * (an action or page that threw) are written as `safeError` too, never with their message.
 */
export function redactConsole(logger: Logger = log()): void {
  const describe = (args: unknown[]) => {
    const errors = args.filter((arg) => arg instanceof Error).map(safeError);
    // Plain strings are the framework's own words ("⨯", route names); objects may hold anything.
    const words = args.filter((arg): arg is string => typeof arg === 'string').join(' ').slice(0, 300);
    return { errors, words };
  };
  console.error = (...args: unknown[]) => {
    const { errors, words } = describe(args);
    logger.error({ errors }, errors.length > 0 ? `console.error ${errors.map((error) => error.type).join(', ')}` : stripValues(words));
  };
  console.warn = (...args: unknown[]) => {
    const { errors, words } = describe(args);
    logger.warn({ errors }, errors.length > 0 ? `console.warn ${errors.map((error) => error.type).join(', ')}` : stripValues(words));
  };
}

/** A framework message with anything after "params:" or a quoted value removed. */
function stripValues(text: string): string {
  return text.replace(/params:[\s\S]*/i, 'params: [redacted]').replace(/"[^"]*"|'[^']*'/g, '"[redacted]"');
}
