'use client';

import { AppLink } from '@/components/ui/app-link';

/** Shown when a page in an area fails. Never shows the error itself: it may hold private data. */
export function AreaError({ reset, homeHref }: { reset: () => void; homeHref: string }) {
  return (
    <div role="alert" className="rounded-xl border border-amber-600 bg-amber-50 p-6">
      <h1 className="text-2xl font-semibold">This page is temporarily unavailable</h1>
      <p className="mt-2 text-lg">Nothing was saved from this page. Please try again in a moment.</p>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="min-h-12 rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white">
          Try again
        </button>
        <AppLink href={homeHref} className="min-h-12 rounded-lg border border-slate-400 bg-white px-5 py-3 font-semibold">
          Go to my home page
        </AppLink>
      </div>
    </div>
  );
}
