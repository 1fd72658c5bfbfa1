import type { Metadata } from 'next';
import { BackLink } from '@/components/patient/back-link';
import { guardArea, loadRecord } from '@/lib/auth/guard';
import { getPainEntry } from '@/lib/dal/pain';
import { formatDateTime } from '@/lib/time';
import { DeletePainForm, EditPainForm } from './edit-pain-form';

export const metadata: Metadata = { title: 'Change a pain entry' };

export default async function EditPainPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const entry = await loadRecord(id, getPainEntry);
  const viewer = await guardArea('patient');
  const when = formatDateTime(entry.recordedAt, viewer.timeZone);
  return (
    <div className="space-y-6">
      <BackLink href="/patient/pain">Pain diary</BackLink>
      <h1 className="text-3xl font-bold">Change your entry</h1>
      <p className="text-lg">Logged {when}.</p>
      {entry.canChange ? (
        <>
          <EditPainForm
            id={entry.id}
            version={entry.version}
            defaults={{
              score: entry.score,
              worst24h: entry.worst24h,
              locations: entry.locations,
              belowKnee: entry.belowKnee,
              note: entry.note,
            }}
          />
          <DeletePainForm id={entry.id} />
        </>
      ) : (
        <p role="status" className="rounded-lg border-l-4 border-slate-500 bg-white p-4 text-lg">
          Entries can only be changed or deleted within 24 hours of logging them. This one can no longer be changed.
        </p>
      )}
    </div>
  );
}
