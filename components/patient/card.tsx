import type { ReactNode } from 'react';

/**
 * A titled white card of the patient pages. The section is named by its heading (`aria-labelledby`),
 * so a screen reader's list of regions reads the words on screen. `className` adds spacing or text
 * size for what the card holds; `describedBy` ties a message about the whole card to it.
 */
export function Card({
  headingId,
  title,
  className = '',
  describedBy,
  children,
}: {
  headingId: string;
  title: ReactNode;
  className?: string;
  describedBy?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} aria-describedby={describedBy} className={`rounded-2xl border border-slate-200 bg-white p-5 ${className}`}>
      <h2 id={headingId} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
