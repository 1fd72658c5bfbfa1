'use client';

import { SubmitButton } from '@/components/ui/submit-button';
import { reassignEpisodeAction } from './actions';

export type ClinicianOption = { id: string; name: string };

/**
 * One row's reassignment: a plain form (it works before the page's script has loaded). A client component
 * given the clinic's clinicians as one shared list: the page's data then carries that list once, not once
 * per row, and each row leaves out the episode's own clinician here.
 */
export function ReassignForm({
  episodeId,
  pseudonym,
  currentClinicianId,
  clinicians,
  back,
  page,
}: {
  episodeId: string;
  pseudonym: string;
  currentClinicianId: string;
  clinicians: ClinicianOption[];
  back: string;
  page: number;
}) {
  const others = clinicians.filter((clinician) => clinician.id !== currentClinicianId);
  if (others.length === 0) return <>No other active clinician</>;
  const selectId = `reassign-${episodeId}`;
  return (
    <form action={reassignEpisodeAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="episodeId" value={episodeId} />
      <input type="hidden" name="back" value={back} />
      {page > 1 ? <input type="hidden" name="page" value={page} /> : null}
      <label htmlFor={selectId} className="sr-only">
        New clinician for {pseudonym}
      </label>
      <select id={selectId} name="clinicianId" className="min-h-11 rounded-lg border border-slate-400 bg-white px-2">
        {others.map((clinician) => (
          <option key={clinician.id} value={clinician.id}>
            {clinician.name}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pendingText="Moving…" className="min-h-11 px-3 py-2 text-sm">
        Reassign<span className="sr-only"> {pseudonym}</span>
      </SubmitButton>
    </form>
  );
}
