import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { guardArea } from '@/lib/auth/guard';
import { NPRS_BAND_LABELS, nprsBand } from '@/lib/clinical/nprs';
import { listPainEntries } from '@/lib/dal/pain';
import { formatDateTime } from '@/lib/time';
import { PAIN_LOCATION_LABELS } from '@/lib/validation/pain';

export const metadata: Metadata = { title: 'Pain diary' };

const CHANGED: Record<string, string> = { updated: 'Your entry was updated.', deleted: 'Your entry was deleted.' };

export default async function PainDiaryPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const { changed } = await searchParams;
  const [entries, viewer] = await Promise.all([listPainEntries(), guardArea('patient')]);
  const timeZone = viewer.timeZone;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Pain diary</h1>
      {changed && CHANGED[changed] ? (
        <p role="status" className="rounded-lg border-l-4 border-green-700 bg-green-50 p-4 text-lg text-green-900">
          {CHANGED[changed]}
        </p>
      ) : null}
      <AppLink
        href="/patient/pain/new"
        className="flex min-h-14 w-full items-center justify-center rounded-xl bg-brand-700 px-5 py-3 text-xl font-semibold text-white hover:bg-brand-800"
      >
        Log pain now
      </AppLink>
      <p className="text-base text-slate-700">
        Times are shown in your time zone ({timeZone.replace(/_/g, ' ')}). You can change or delete an entry for 24 hours
        after logging it.
      </p>
      {entries.length === 0 ? (
        <p className="rounded-2xl border border-slate-200 bg-white p-5 text-lg">
          Your pain scores will appear here after you log your first one.
        </p>
      ) : (
        <ol className="space-y-3" aria-label="Your pain entries, newest first">
          {entries.map((entry) => (
            <li key={entry.id} className="rounded-2xl border border-slate-200 bg-white p-4">
              <div className="flex items-start justify-between gap-3">
                <div>
                  <p className="text-lg font-semibold">
                    <span className="text-2xl">{entry.score}</span> out of 10
                    <span className="font-normal text-slate-700"> · {NPRS_BAND_LABELS[nprsBand(entry.score)]}</span>
                  </p>
                  <p className="text-base text-slate-700">
                    {formatDateTime(entry.recordedAt, timeZone)}
                    {entry.edited ? ' · edited' : ''}
                  </p>
                </div>
                {entry.canChange ? (
                  <AppLink
                    href={`/patient/pain/${entry.id}/edit`}
                    className="inline-flex min-h-11 items-center rounded-lg border border-slate-400 px-4 py-2 text-base font-semibold"
                  >
                    Change<span className="sr-only"> the entry from {formatDateTime(entry.recordedAt, timeZone)}</span>
                  </AppLink>
                ) : null}
              </div>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-base">
                {entry.worst24h !== null ? (
                  <>
                    <dt className="text-slate-700">Worst in 24 hours</dt>
                    <dd>{entry.worst24h} out of 10</dd>
                  </>
                ) : null}
                {entry.locations.length > 0 ? (
                  <>
                    <dt className="text-slate-700">Where</dt>
                    <dd>{entry.locations.map((location) => PAIN_LOCATION_LABELS[location] ?? location).join(', ')}</dd>
                  </>
                ) : null}
                <dt className="text-slate-700">Below the knee</dt>
                <dd>{entry.belowKnee ? 'Yes' : 'No'}</dd>
              </dl>
              {entry.note ? <p className="mt-2 whitespace-pre-wrap break-words text-base text-slate-900">{entry.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
