import type { ReactNode } from 'react';

const LOOK = {
  regular: { section: 'space-y-3 rounded-xl border border-slate-200 bg-white p-5', heading: 'text-lg font-semibold' },
  large: { section: 'rounded-2xl border border-slate-200 bg-white p-5', heading: 'text-xl font-semibold' },
} as const;

/**
 * A titled card: a <section> named by its heading, so a screen-reader user can jump to it as a region.
 * `id` is the heading's and stays stable: other pages link to it (#safety-heading). `large` for
 * patients' pages. `className` adds spacing or text size for what the card holds; `describedBy` ties a
 * message about the whole card to it.
 */
export function Panel({
  id,
  title,
  size = 'regular',
  className = '',
  describedBy,
  children,
}: {
  id: string;
  title: ReactNode;
  size?: keyof typeof LOOK;
  className?: string;
  describedBy?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} aria-describedby={describedBy} className={`${LOOK[size].section} ${className}`}>
      <h2 id={id} className={LOOK[size].heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}
