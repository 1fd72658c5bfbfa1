import type { Metadata } from 'next';
import { AccountSecurity } from '@/components/account/account-security';
import { TimeZoneSection } from '@/components/account/time-zone-section';
import { guardArea } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Account and security' };

export default async function ClinicianAccountPage() {
  const viewer = await guardArea('clinician');
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">Account and security</h1>
      <p className="text-slate-700">Signed in as {viewer.email}.</p>
      <TimeZoneSection />
      <AccountSecurity viewer={viewer} homeHref="/clinician" />
    </div>
  );
}
