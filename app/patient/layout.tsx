import { AreaShell, type NavItem } from '@/components/layout/area-shell';
import { guardArea } from '@/lib/auth/guard';
import { countUnreadMessages } from '@/lib/dal/messages';

const PATIENT_NAV: NavItem[] = [
  { href: '/patient', label: 'Today', exact: true },
  { href: '/patient/exercises', label: 'Exercises' },
  { href: '/patient/pain', label: 'Pain diary' },
  { href: '/patient/questionnaires', label: 'Questionnaires' },
  { href: '/patient/progress', label: 'Progress' },
  { href: '/patient/learn', label: 'Learn' },
  { href: '/patient/messages', label: 'Messages' },
  { href: '/patient/account', label: 'My account' },
];

export default async function PatientLayout({ children }: { children: React.ReactNode }) {
  const viewer = await guardArea('patient');
  const unread = await countUnreadMessages();
  const nav = PATIENT_NAV.map((item) => (item.href === '/patient/messages' ? { ...item, badge: unread, badgeLabel: 'unread' } : item));
  return (
    <AreaShell areaLabel="Patient" homeHref="/patient" userName={viewer.name} nav={nav}>
      {children}
    </AreaShell>
  );
}
