'use client';

import { AreaError } from '@/components/layout/area-error';

/**
 * Catches failures outside an area's own boundary, including an area layout that could not load
 * the viewer (for example while the database is unreachable): nobody is let in, nothing is saved.
 */
export default function RootError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12">
      <AreaError reset={reset} homeHref="/" />
    </main>
  );
}
