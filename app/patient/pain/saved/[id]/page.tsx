import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { RedFlagMessage } from '@/components/patient/emergency-alert';
import { emergencyServicesFor } from '@/lib/content/emergency-services';
import { guardArea, loadRecord } from '@/lib/auth/guard';
import { NPRS_BAND_LABELS, nprsBand } from '@/lib/clinical/nprs';
import { getPainEntryOutcome } from '@/lib/dal/pain';
import { formatDateTime } from '@/lib/time';

export const metadata: Metadata = { title: 'Pain score saved' };

export default async function PainSavedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const outcome = await loadRecord(id, getPainEntryOutcome);
  const viewer = await guardArea('patient');
  const { entry, redFlag } = outcome;
  return (
    <div className="space-y-6">
      {redFlag ? <RedFlagMessage urgency={redFlag.urgency} positives={redFlag.positives} services={emergencyServicesFor(viewer.clinicCountry)} /> : null}
      <div role={redFlag ? undefined : 'status'} className="rounded-2xl border border-green-700 bg-green-50 p-5">
        <h1 className="text-2xl font-bold text-green-900">Pain score saved</h1>
        <p className="mt-2 text-lg text-slate-900">
          {entry.score} out of 10 ({NPRS_BAND_LABELS[nprsBand(entry.score)].toLowerCase()}), logged{' '}
          {formatDateTime(entry.recordedAt, viewer.timeZone)}.
        </p>
        {!redFlag ? <p className="mt-2 text-lg text-slate-900">No warning signs in your answers. Thank you.</p> : null}
      </div>
      <div className="flex flex-col gap-3 sm:flex-row">
        <AppLink href="/patient" className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 py-3 text-lg font-semibold text-white">
          Back to today
        </AppLink>
        <AppLink href="/patient/pain" className="inline-flex min-h-12 items-center justify-center rounded-lg border border-slate-400 bg-white px-5 py-3 text-lg font-semibold">
          See my pain diary
        </AppLink>
      </div>
    </div>
  );
}
