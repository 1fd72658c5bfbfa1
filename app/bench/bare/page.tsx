import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

export const metadata: Metadata = { title: 'Benchmark ceiling', robots: { index: false } };

/**
 * The benchmark's ceiling: a dynamic page rendered through the same root layout and proxy as every
 * other page, with no session, query or audit. `npm run bench` starts the server with
 * UPLIFT_BENCH_ROUTES=1; everywhere else it answers 404, so production serves nothing new here.
 */
export default async function BareBenchPage() {
  await connection();
  if (process.env.UPLIFT_BENCH_ROUTES !== '1') notFound();
  return (
    <main className="p-6">
      <h1 className="text-2xl font-bold">Benchmark ceiling</h1>
      <p>Rendered at {new Date().toISOString()}.</p>
    </main>
  );
}
