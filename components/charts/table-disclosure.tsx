'use client';

import { useState } from 'react';

/**
 * A chart's numbers behind a native <details> toggle, built only once it is opened. A record or progress
 * page carries up to ten of these tables (several hundred cells) that most visits never open; rendering
 * them on the server cost more than the rest of the page (docs/PERFORMANCE.md, item 28). The numbers
 * arrive with the page as data; opening the toggle by mouse, touch or keyboard shows them at once.
 */
export function TableDisclosure({
  summary,
  className,
  summaryClassName,
  children,
}: {
  summary: string;
  className?: string;
  summaryClassName?: string;
  children: () => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className={className} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className={summaryClassName}>{summary}</summary>
      {open ? children() : null}
    </details>
  );
}
