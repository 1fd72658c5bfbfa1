import type { ReactNode } from 'react';

/** A page's title over a line that sums up what it shows, with the page's main action (`children`) beside them. */
export function PageHeading({ title, summary, children }: { title: string; summary: ReactNode; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="text-slate-700">{summary}</p>
      </div>
      {children}
    </div>
  );
}
