import Link from 'next/link';
import type { ClinicianOption } from '@/lib/dal/outcomes';
import type { FilterParseResult } from '@/lib/validation/outcomes';

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-800">
      {messages.join(' ')}
    </p>
  );
}

/**
 * The date range and clinician filter: a plain GET form, so every view has a URL that can be shared,
 * bookmarked and exported. Extra hidden fields keep a drill-down's group and figure.
 */
export function OutcomeFilters({
  action,
  parsed,
  clinicians,
  hidden = {},
  resetHref,
}: {
  action: string;
  parsed: FilterParseResult;
  clinicians: ClinicianOption[];
  hidden?: Record<string, string>;
  resetHref: string;
}) {
  const { filter, errors } = parsed;
  const input = 'mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700';
  return (
    <form action={action} method="get" className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_1.5fr_auto] sm:items-end">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor="filter-from" className="block font-medium">Episodes starting from</label>
        <input id="filter-from" name="from" type="date" defaultValue={filter.from} className={input} aria-invalid={errors.from ? true : undefined} aria-describedby={errors.from ? 'filter-from-error' : undefined} />
        <FieldError id="filter-from-error" messages={errors.from} />
      </div>
      <div>
        <label htmlFor="filter-to" className="block font-medium">to</label>
        <input id="filter-to" name="to" type="date" defaultValue={filter.to} className={input} aria-invalid={errors.to ? true : undefined} aria-describedby={errors.to ? 'filter-to-error' : undefined} />
        <FieldError id="filter-to-error" messages={errors.to} />
      </div>
      <div>
        <label htmlFor="filter-clinician" className="block font-medium">Clinician</label>
        <select id="filter-clinician" name="clinician" defaultValue={filter.clinicianId ?? ''} className={input} aria-invalid={errors.clinician ? true : undefined} aria-describedby={errors.clinician ? 'filter-clinician-error' : undefined}>
          <option value="">All clinicians</option>
          {clinicians.map((clinician) => (
            <option key={clinician.id} value={clinician.id}>
              {clinician.name}
              {clinician.active ? '' : ' (deactivated)'}
            </option>
          ))}
        </select>
        <FieldError id="filter-clinician-error" messages={errors.clinician} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
          Show
        </button>
        <Link href={resetHref} className="inline-flex min-h-11 items-center text-sm font-semibold text-brand-800 underline underline-offset-2">
          Last 12 months
        </Link>
      </div>
    </form>
  );
}
