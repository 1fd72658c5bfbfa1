'use client';

import { AppLink } from '@/components/ui/app-link';
import { usePathname } from 'next/navigation';

/** `badgeWord` says what the count is ("open", "unread"); the link's accessible name is then "Alerts, 3 open". */
export type NavItem = { href: string; label: string; badge?: number; badgeWord?: string; exact?: boolean };

export function NavLinks({ items, prefetch }: { items: NavItem[]; prefetch: boolean }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-x-1">
      {items.map((item) => {
        const current = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <AppLink
              href={item.href}
              prefetch={prefetch ? 'auto' : false}
              aria-current={current ? 'page' : undefined}
              aria-label={item.badge ? `${item.label}, ${item.badge} ${item.badgeWord ?? 'open'}` : undefined}
              className={`flex min-h-11 items-center gap-2 border-b-4 px-3 py-2 text-base whitespace-nowrap ${
                current ? 'border-brand-700 font-semibold text-brand-800' : 'border-transparent text-slate-700 hover:text-slate-900'
              }`}
            >
              {item.label}
              {item.badge ? (
                <span className="rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold text-white">
                  {item.badge}
                  <span className="sr-only"> {item.badgeWord ?? 'open'}</span>
                </span>
              ) : null}
            </AppLink>
          </li>
        );
      })}
    </ul>
  );
}
