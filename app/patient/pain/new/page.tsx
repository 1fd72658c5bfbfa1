import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { BackLink } from '@/components/patient/back-link';
import { LogPainForm } from '../log-pain-form';

export const metadata: Metadata = { title: 'Log pain' };

export default async function LogPainPage({ searchParams }: { searchParams: Promise<{ score?: string }> }) {
  const { score } = await searchParams;
  // Only a plain 0–10 pre-selects a button; anything else is ignored, and the server checks the submit anyway.
  const preset = score !== undefined && /^(10|[0-9])$/.test(score) ? Number(score) : null;
  return (
    <div className="space-y-6">
      <BackLink href="/patient/pain">Pain diary</BackLink>
      <h1 className="text-3xl font-bold">Log your pain</h1>
      <p className="text-lg text-slate-800">It takes about a minute. Your physio sees what you log.</p>
      {/* A new id for every render of the form: a double submit of this form saves one entry. */}
      <LogPainForm submissionId={randomUUID()} score={preset} />
    </div>
  );
}
