import { AreaShell, type NavItem } from '@/components/layout/area-shell';
import { guardArea } from '@/lib/auth/guard';

const PATIENT_NAV: NavItem[] = [
  { href: '/patient', label: 'Today', exact: true },
  { href: '/patient/exercises', label: 'Exercises' },
  { href: '/patient/pain', label: 'Pain diary' },
  { href: '/patient/questionnaires', label: 'Questionnaires' },
  { href: '/patient/progress', label: 'Progress' },
  { href: '/patient/learn', label: 'Learn' },
  { href: '/patient/reminders', label: 'Reminders' },
  { href: '/patient/account', label: 'My account' },
];

export default async function PatientLayout({ children }: { children: React.ReactNode }) {
  const viewer = await guardArea('patient');
  return (
    <AreaShell areaLabel="Patient" homeHref="/patient" userName={viewer.name} nav={PATIENT_NAV}>
      {children}
    </AreaShell>
  );
}
