import type { Metadata } from 'next';
import { guardArea } from '@/lib/auth/guard';
import { getClinicSecurity } from '@/lib/dal/account';
import { SettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Clinic security settings' };

export default async function ClinicSettingsPage() {
  await guardArea('manager');
  const settings = await getClinicSecurity();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold">Clinic security settings</h1>
      <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <SettingsForm settings={settings} />
      </section>
    </div>
  );
}
