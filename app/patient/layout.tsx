import { AreaShell, type NavItem } from '@/components/layout/area-shell';
import { guardArea } from '@/lib/auth/guard';
import { countUnreadMessages } from '@/lib/dal/messages';
import { countMyUnreadNotifications } from '@/lib/dal/notifications';

const PATIENT_NAV: NavItem[] = [
  { href: '/patient', label: 'Today', exact: true },
  { href: '/patient/exercises', label: 'Exercises' },
  { href: '/patient/pain', label: 'Pain diary' },
  { href: '/patient/questionnaires', label: 'Questionnaires' },
  { href: '/patient/progress', label: 'Progress' },
  { href: '/patient/appointments', label: 'Appointments' },
  { href: '/patient/learn', label: 'Learn' },
];

export default async function PatientLayout({ children }: { children: React.ReactNode }) {
  const viewer = await guardArea('patient');
  const [unreadMessages, unread] = await Promise.all([countUnreadMessages(), countMyUnreadNotifications()]);
  const nav: NavItem[] = [
    ...PATIENT_NAV,
    { href: '/patient/messages', label: 'Messages', badge: unreadMessages, badgeWord: 'unread' },
    { href: '/patient/notifications', label: 'Notifications', badge: unread, badgeWord: 'unread' },
    { href: '/patient/reminders', label: 'Reminders' },
    { href: '/patient/account', label: 'My account' },
  ];
  return (
    <AreaShell areaLabel="Patient" homeHref="/patient" userName={viewer.name} nav={nav}>
      {children}
    </AreaShell>
  );
}
