import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountSecurity } from '@/components/account/account-security';
import { TimeZoneSection } from '@/components/account/time-zone-section';
import { guardArea } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Account and security' };

export default async function ManagerAccountPage() {
  const viewer = await guardArea('manager');
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">Account and security</h1>
      <p className="text-slate-700">Signed in as {viewer.email}.</p>
      <ul className="grid gap-4 sm:grid-cols-2">
        <li>
          <Link href="/manager/audit" className="block min-h-11 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-700">
            <span className="text-lg font-semibold text-brand-800 underline">Audit trail</span>
            <span className="mt-1 block text-slate-700">Who signed in, opened or changed which records, and every refused access. Filter and download.</span>
          </Link>
        </li>
        <li>
          <Link href="/manager/settings" className="block min-h-11 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-700">
            <span className="text-lg font-semibold text-brand-800 underline">Clinic security settings</span>
            <span className="mt-1 block text-slate-700">Require two-step sign-in for managers and clinicians.</span>
          </Link>
        </li>
      </ul>
      <TimeZoneSection />
      <AccountSecurity viewer={viewer} homeHref="/manager" />
    </div>
  );
}
