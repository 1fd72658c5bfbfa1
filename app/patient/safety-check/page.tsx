import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { BackLink } from '@/components/patient/back-link';
import { guardArea, loadPage } from '@/lib/auth/guard';
import { getSafetyCheckStatus } from '@/lib/dal/safety-checks';
import { formatDateTime } from '@/lib/time';
import { SafetyCheckForm, SafetyCheckIntro } from './safety-check-form';

export const metadata: Metadata = { title: 'Safety questions' };

export default async function SafetyCheckPage() {
  const [status, viewer] = await Promise.all([loadPage(() => getSafetyCheckStatus()), guardArea('patient')]);
  return (
    <div className="space-y-6">
      <BackLink href="/patient">Today</BackLink>
      <h1 className="text-3xl font-bold">Safety questions</h1>
      <SafetyCheckIntro />
      {status?.lastAnsweredAt ? (
        <p className="text-base text-slate-700">
          You last answered these on {formatDateTime(status.lastAnsweredAt, viewer.timeZone)}. You can answer
          them again at any time if something has changed.
        </p>
      ) : null}
      {status?.canAnswer ? (
        <SafetyCheckForm submissionId={randomUUID()} />
      ) : (
        <p className="rounded-2xl border border-slate-200 bg-white p-5 text-lg">
          Your care with the clinic has ended, so answers can’t be saved here. If you are worried, contact your GP.
        </p>
      )}
    </div>
  );
}
