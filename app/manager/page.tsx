import type { Metadata } from 'next';
import { loadPage } from '@/lib/auth/guard';
import { getClinicCounts } from '@/lib/dal/overview';

export const metadata: Metadata = { title: 'Clinic overview' };

export default async function ManagerHome() {
  const counts = await loadPage(getClinicCounts);
  const figures = [
    { label: 'Patients in active care', value: counts.activePatients },
    { label: 'Active episodes of care', value: counts.activeEpisodes },
    { label: 'Clinicians', value: counts.clinicians },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{counts.clinicName}</h1>
      <dl className="grid gap-4 sm:grid-cols-3">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-xl border border-slate-200 bg-white p-5">
            <dt className="text-sm text-slate-700">{figure.label}</dt>
            <dd className="mt-1 text-3xl font-bold">{figure.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
