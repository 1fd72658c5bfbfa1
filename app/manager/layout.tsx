import { AreaShell, type NavItem } from '@/components/layout/area-shell';
import { guardArea } from '@/lib/auth/guard';
import { countMyUnreadNotifications } from '@/lib/dal/notifications';

const MANAGER_NAV: NavItem[] = [
  { href: '/manager', label: 'Outcomes', exact: true },
  { href: '/manager/episodes', label: 'Episodes' },
  { href: '/manager/users', label: 'Users' },
  { href: '/manager/caseloads', label: 'Caseloads' },
  { href: '/manager/attendance', label: 'Attendance' },
  { href: '/manager/cover', label: 'Cover and alerts' },
  { href: '/manager/patients', label: 'Patient accounts' },
  { href: '/manager/import', label: 'Import' },
  { href: '/manager/exports', label: 'Export' },
  { href: '/manager/settings', label: 'Settings' },
  { href: '/manager/account', label: 'Security and audit' },
];

export default async function ManagerLayout({ children }: { children: React.ReactNode }) {
  const viewer = await guardArea('manager');
  const unread = await countMyUnreadNotifications();
  const nav: NavItem[] = [...MANAGER_NAV, { href: '/manager/notifications', label: 'Notifications', badge: unread, badgeWord: 'unread' }];
  return (
    <AreaShell areaLabel="Manager" homeHref="/manager" userName={viewer.name} nav={nav} wide prefetch>
      {children}
    </AreaShell>
  );
}
