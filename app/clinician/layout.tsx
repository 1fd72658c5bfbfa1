import { AreaShell, type NavItem } from '@/components/layout/area-shell';
import { guardArea } from '@/lib/auth/guard';
import { countOpenAlerts } from '@/lib/dal/alerts';
import { countUnreadMessages } from '@/lib/dal/messages';
import { countMyUnreadNotifications } from '@/lib/dal/notifications';

export default async function ClinicianLayout({ children }: { children: React.ReactNode }) {
  const viewer = await guardArea('clinician');
  const [openAlerts, unreadMessages, unread] = await Promise.all([countOpenAlerts(), countUnreadMessages(), countMyUnreadNotifications()]);
  const nav: NavItem[] = [
    { href: '/clinician', label: 'Caseload', exact: true },
    { href: '/clinician/day', label: 'Day' },
    { href: '/clinician/alerts', label: 'Alerts', badge: openAlerts },
    { href: '/clinician/messages', label: 'Messages', badge: unreadMessages, badgeWord: 'unread' },
    { href: '/clinician/notifications', label: 'Notifications', badge: unread, badgeWord: 'unread' },
    { href: '/clinician/availability', label: 'Availability' },
    { href: '/clinician/exercises', label: 'Exercise library' },
    { href: '/clinician/patients/new', label: 'Add patient', exact: true },
    { href: '/clinician/account', label: 'Account' },
  ];
  return (
    <AreaShell areaLabel="Clinician" homeHref="/clinician" userName={viewer.name} nav={nav} wide>
      {children}
    </AreaShell>
  );
}
