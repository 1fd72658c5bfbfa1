import type { Metadata } from 'next';
import { RedFlagMessage } from '@/components/patient/emergency-alert';
import { AppLink } from '@/components/ui/app-link';
import { guardArea, loadRecord } from '@/lib/auth/guard';
import { emergencyServicesFor } from '@/lib/content/emergency-services';
import { getSafetyCheckOutcome } from '@/lib/dal/safety-checks';

export const metadata: Metadata = { title: 'Safety answers saved' };

export default async function SafetyCheckSavedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [outcome, viewer] = await Promise.all([loadRecord(id, getSafetyCheckOutcome), guardArea('patient')]);
  const { redFlag } = outcome;
  return (
    <div className="space-y-6">
      {redFlag ? <RedFlagMessage urgency={redFlag.urgency} positives={redFlag.positives} services={emergencyServicesFor(viewer.clinicCountry)} /> : null}
      <div role={redFlag ? undefined : 'status'} className="rounded-2xl border border-green-700 bg-green-50 p-5">
        <h1 className="text-2xl font-bold text-green-900">Your answers are saved</h1>
        {!redFlag ? <p className="mt-2 text-lg text-slate-900">No warning signs in your answers. Thank you.</p> : null}
      </div>
      <AppLink href="/patient" className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 py-3 text-lg font-semibold text-white">
        Back to today
      </AppLink>
    </div>
  );
}
