import { AreaShell, type NavItem } from '@/components/layout/area-shell';
import { guardArea } from '@/lib/auth/guard';

const CLINICIAN_NAV: NavItem[] = [
  { href: '/clinician', label: 'Caseload', exact: true },
  { href: '/clinician/account', label: 'Account' },
];

export default async function ClinicianLayout({ children }: { children: React.ReactNode }) {
  const viewer = await guardArea('clinician');
  return (
    <AreaShell areaLabel="Clinician" homeHref="/clinician" userName={viewer.name} nav={CLINICIAN_NAV} wide>
      {children}
    </AreaShell>
  );
}
