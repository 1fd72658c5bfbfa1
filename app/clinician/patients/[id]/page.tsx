import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { z } from 'zod';
import { RecordNav } from '@/components/clinician/record-nav';
import { FormAlert } from '@/components/ui/form-alert';
import { guardArea } from '@/lib/auth/guard';
import { getRecordHeader } from '@/lib/dal/patient-record';
import { ackProblemFrom } from '@/lib/validation/alerts';
import { OpenAlerts, RecordHeaderPanel } from './_components/record-header';
import { RecordTimelinePanel, RecordTimelineSkeleton } from './_components/record-timeline';
import { RecordTrendsPanel, RecordTrendsSkeleton } from './_components/record-trends';

export const metadata: Metadata = { title: 'Patient record' };

// `?escalation=<alert id>`: the safety lead opens the record for an alert escalated to them.
const escalationSchema = z.object({ escalation: z.uuid().optional().catch(undefined) });

/**
 * The header (who, which episode, open alerts) is read first and decides "not found"; the charts and the
 * timeline then stream in behind their own boundaries, each with a skeleton of its size. The access
 * check and its audit row happen once for the three (lib/dal/patient-record.ts).
 */
export default async function PatientRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  // A refused acknowledgement comes back in the address; its message goes on the alert's card.
  const search = await searchParams;
  const problem = ackProblemFrom(search);
  const escalation = escalationSchema.parse(search).escalation ?? null;
  const viewer = await guardArea('clinician');
  const header = await getRecordHeader(id, escalation);
  if (!header) notFound();
  const timeZone = viewer.timeZone;
  // The panels ask with the same arguments as the header, so the access check and audit above are reused.

  return (
    <div className="space-y-6">
      {escalation ? (
        <FormAlert>
          You are viewing this record as the clinic’s safety lead, for an alert nobody acknowledged in time. This view is recorded in
          the audit trail. Acknowledge the alert below once it is dealt with.
        </FormAlert>
      ) : (
        <RecordNav episodeId={header.episodeId} patientName={header.patientName} current="" status={header.status} />
      )}
      <RecordHeaderPanel header={header} timeZone={timeZone} escalation={escalation} />
      <OpenAlerts header={header} timeZone={timeZone} escalation={escalation} problem={problem} />

      <section aria-labelledby="record-trends" className="space-y-3">
        <h2 id="record-trends" className="text-xl font-semibold">Trends</h2>
        <Suspense fallback={<RecordTrendsSkeleton />}>
          <RecordTrendsPanel episodeId={id} header={header} escalation={escalation} />
        </Suspense>
      </section>

      <section aria-labelledby="record-timeline" className="space-y-3">
        <h2 id="record-timeline" className="text-xl font-semibold">Timeline</h2>
        <Suspense fallback={<RecordTimelineSkeleton />}>
          <RecordTimelinePanel episodeId={id} escalation={escalation} timeZone={timeZone} />
        </Suspense>
      </section>
    </div>
  );
}
