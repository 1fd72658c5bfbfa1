import type { Metadata } from 'next';
import { z } from 'zod';
import { AccountSecurity } from '@/components/account/account-security';
import { PushSection } from '@/components/account/push-section';
import { TimeZoneSection } from '@/components/account/time-zone-section';
import { guardArea } from '@/lib/auth/guard';
import { getMyAwayStatus, listCoverCandidates } from '@/lib/dal/cover';
import { getMyMorningDigest } from '@/lib/dal/notification-settings';
import { AwaySection } from './away-section';
import { DigestSection } from './digest-section';

export const metadata: Metadata = { title: 'Account and security' };

const searchSchema = z.object({
  away: z.string().max(40).optional().catch(undefined),
  digest: z.enum(['saved', 'invalid']).optional().catch(undefined),
});

export default async function ClinicianAccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await guardArea('clinician');
  const [status, candidates, digest, search] = await Promise.all([getMyAwayStatus(), listCoverCandidates(), getMyMorningDigest(), searchParams]);
  const { away, digest: digestResult } = searchSchema.parse(search);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">Account and security</h1>
      <p className="text-slate-700">Signed in as {viewer.email}.</p>
      <AwaySection userId={viewer.userId} status={status} candidates={candidates} result={away ?? null} timeZone={viewer.timeZone} />
      <DigestSection on={digest} result={digestResult ?? null} />
      <PushSection what="urgent alerts and escalations" />
      <TimeZoneSection />
      <AccountSecurity viewer={viewer} homeHref="/clinician" />
    </div>
  );
}
