import { PanelSkeleton, SkeletonBlock } from '@/components/ui/skeleton';
import { getClinicCounts } from '@/lib/dal/overview';

const COUNT_LABELS = ['Patients in active care', 'Active episodes of care', 'Clinicians'] as const;

/** The clinic's size today, under its name: the overview's first panel. */
export async function ClinicCounts() {
  const counts = await getClinicCounts();
  const values = [counts.activePatients, counts.activeEpisodes, counts.clinicians];
  return (
    <dl className="mt-3 flex min-h-7 flex-wrap gap-x-8 gap-y-2 text-sm">
      {COUNT_LABELS.map((label, index) => (
        <div key={label} className="flex items-baseline gap-2">
          <dt className="text-slate-700">{label}</dt>
          <dd className="text-lg font-bold">{values[index]}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ClinicCountsSkeleton() {
  return (
    <PanelSkeleton label="the clinic’s counts" className="mt-3 flex min-h-7 flex-wrap gap-x-8 gap-y-2">
      {COUNT_LABELS.map((label) => (
        <SkeletonBlock key={label} className="h-7 w-52 rounded-md" />
      ))}
    </PanelSkeleton>
  );
}
