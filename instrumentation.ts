/** Runs once when a server process starts (Next.js instrumentation). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerJobs } = await import('./lib/jobs/server');
  await startServerJobs();
}
