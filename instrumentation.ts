/**
 * Next.js instrumentation: runs once when a server process starts, and hears about every error a
 * request hits. Logging goes through lib/log.ts so no error message, bound value or health data reaches
 * the logs (docs/SECURITY.md, Logging).
 */
import type { Instrumentation } from 'next';

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installDatabaseErrorRedaction } = await import('./db/errors');
  const { redactConsole } = await import('./lib/log');
  installDatabaseErrorRedaction();
  redactConsole();
  const { startServerJobs } = await import('./lib/jobs/server');
  await startServerJobs();
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { log } = await import('./lib/log');
  // The path only: a query string can carry a search term or a token.
  const path = request.path.split('?')[0];
  log().error(
    { err: error, method: request.method, path, route: context.routePath, routeType: context.routeType, renderSource: 'renderSource' in context ? context.renderSource : undefined },
    'request failed',
  );
};
