import { AppLink } from '@/components/ui/app-link';

const TABS = [
  { segment: '', label: 'Overview' },
  { segment: '/measurements', label: 'Measurements' },
  { segment: '/plan', label: 'Exercise plan' },
  { segment: '/notes', label: 'Goals and notes' },
  { segment: '/questionnaires', label: 'Questionnaires' },
  { segment: '/messages', label: 'Messages' },
  { segment: '/visits', label: 'Visits' },
  { segment: '/discharge', label: 'Outcome and discharge' },
] as const;

export type RecordTab = (typeof TABS)[number]['segment'];

/** Heading and section links shared by the pages of one patient record. */
export function RecordNav({
  episodeId,
  patientName,
  current,
  status,
}: {
  episodeId: string;
  patientName: string;
  current: RecordTab;
  status: 'active' | 'discharged';
}) {
  return (
    <div className="space-y-2">
      <p className="text-sm">
        <AppLink href="/clinician" className="text-brand-800 underline">
          Caseload
        </AppLink>{' '}
        <span aria-hidden="true">›</span> {patientName}
      </p>
      <nav aria-label={`Record of ${patientName}`}>
        <ul className="flex flex-wrap gap-1 border-b border-slate-300">
          {TABS.map((tab) => {
            const active = tab.segment === current;
            return (
              <li key={tab.segment}>
                <AppLink
                  href={`/clinician/patients/${episodeId}${tab.segment}`}
                  aria-current={active ? 'page' : undefined}
                  className={`-mb-px inline-flex min-h-11 items-center border-b-4 px-3 py-2 ${active ? 'border-brand-700 font-semibold text-brand-800' : 'border-transparent text-slate-700 hover:text-slate-900'}`}
                >
                  {tab.label}
                </AppLink>
              </li>
            );
          })}
        </ul>
      </nav>
      {status === 'discharged' ? (
        <p className="rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm">This episode is discharged: the record is read-only.</p>
      ) : null}
    </div>
  );
}
