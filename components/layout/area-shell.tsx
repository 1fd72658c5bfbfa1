import { AppLink } from '@/components/ui/app-link';
import { signOutAction } from '@/lib/auth/sign-out-action';
import { NavLinks, type NavItem } from './nav-links';

export type { NavItem };

/** The frame of each area: skip link, brand, navigation, who is signed in, and Sign out. */
export function AreaShell({
  areaLabel,
  homeHref,
  userName,
  nav,
  children,
  wide = false,
  prefetch = false,
}: {
  areaLabel: string;
  homeHref: string;
  userName: string;
  nav: NavItem[];
  children: React.ReactNode;
  wide?: boolean;
  /** Let the navigation prefetch the area's pages as far as their loading screen: worth it only where they have one. */
  prefetch?: boolean;
}) {
  const width = wide ? 'max-w-7xl' : 'max-w-3xl';
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="print-hidden border-b border-slate-200 bg-white">
        <div className={`mx-auto flex ${width} flex-wrap items-center justify-between gap-3 px-4 py-3`}>
          <AppLink href={homeHref} prefetch={prefetch ? 'auto' : false} className="text-xl font-bold text-brand-800">
            Uplift <span className="sr-only">— {areaLabel} home</span>
          </AppLink>
          <div className="flex items-center gap-3">
            <span className="hidden text-sm text-slate-700 sm:inline">
              {userName} · {areaLabel}
            </span>
            <form action={signOutAction}>
              <button
                type="submit"
                className="min-h-11 rounded-lg border border-slate-400 px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
        <nav aria-label={`${areaLabel} navigation`} className={`mx-auto ${width} px-2`}>
          <NavLinks items={nav} prefetch={prefetch} />
        </nav>
      </header>
      <main id="main" className={`mx-auto ${width} px-4 py-6 print:max-w-none print:p-0`}>
        {children}
      </main>
    </>
  );
}
