import type { ReactNode } from 'react';

/**
 * A titled card on a staff page: a <section> named by its heading, so a screen-reader user can jump to
 * it as a region. `id` is the heading's and stays stable: other pages link to it (#safety-heading).
 */
export function Panel({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
