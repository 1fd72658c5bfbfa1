import { AppLink } from './app-link';

/** Previous and next links for a list shown a page at a time, with where the reader is. */
export function PageLinks({ label, page, pageCount, hrefFor }: { label: string; page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const linkClass = 'min-h-11 rounded-md border border-slate-400 bg-white px-4 py-2';
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3">
      {page > 1 ? <AppLink href={hrefFor(page - 1)} className={linkClass}>Previous page</AppLink> : <span />}
      <p>
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? <AppLink href={hrefFor(page + 1)} className={linkClass}>Next page</AppLink> : <span />}
    </nav>
  );
}
