import Link from 'next/link';
import { TOO_FEW_TEXT } from './format';

/** One headline figure: its value, how sure we are, and a link to the episodes behind it. */
export function FigureCard({
  title,
  value,
  detail,
  href,
  linkText = 'See the episodes',
  note,
}: {
  title: string;
  value: string;
  detail?: string | null;
  href?: string;
  linkText?: string;
  note?: string;
}) {
  const suppressed = value === TOO_FEW_TEXT;
  return (
    <div className="flex flex-col rounded-xl border border-slate-200 bg-white p-4">
      <dt className="text-sm font-medium text-slate-700">{title}</dt>
      <dd className={`mt-1 ${suppressed ? 'text-base font-semibold text-slate-700' : 'text-3xl font-bold text-slate-900'}`}>{value}</dd>
      {detail ? <dd className="mt-1 text-sm text-slate-700">{detail}</dd> : null}
      {note ? <dd className="mt-1 text-sm text-slate-700">{note}</dd> : null}
      {href && !suppressed ? (
        <dd className="mt-auto pt-2">
          <Link href={href} className="inline-flex min-h-11 items-center text-sm font-semibold text-brand-800 underline underline-offset-2">
            {linkText}
            <span className="sr-only">: {title}</span>
          </Link>
        </dd>
      ) : null}
    </div>
  );
}
