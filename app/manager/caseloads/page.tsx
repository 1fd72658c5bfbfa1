import type { Metadata } from 'next';
import { z } from 'zod';
import { DataTable } from '@/components/ui/data-table';
import { PageLinks } from '@/components/ui/page-links';
import { guardArea } from '@/lib/auth/guard';
import { FormAlert } from '@/components/ui/form-alert';
import { getOutcomeContext } from '@/lib/dal/outcomes';
import { CASELOADS_PAGE_SIZE, listActiveEpisodes } from '@/lib/dal/reassign';
import { formatDate } from '@/lib/time';
import { pageNumberSchema } from '@/lib/validation/common';
import { SubmitButton } from '@/components/ui/submit-button';
import { reassignCaseloadAction } from './actions';
import { ReassignForm } from './reassign-form';

export const metadata: Metadata = { title: 'Caseloads' };

const RESULTS = {
  done: { tone: 'success', text: 'The episode has a new clinician. The change is in the audit trail.' },
  unchanged: { tone: 'error', text: 'That clinician already has this episode.' },
  'invalid-clinician': { tone: 'error', text: 'Choose an active clinician of your clinic.' },
  'not-found': { tone: 'error', text: 'That episode is no longer active in your clinic.' },
  'caseload-moved': { tone: 'success', text: 'The caseload has moved, with its open alerts. Each move is in the audit trail.' },
} as const satisfies Record<string, { tone: 'success' | 'error'; text: string }>;

const searchSchema = z.object({
  clinician: z.uuid().optional().catch(undefined),
  page: pageNumberSchema,
  result: z.enum(Object.keys(RESULTS) as [keyof typeof RESULTS]).optional().catch(undefined),
  moved: z.coerce.number().int().min(0).max(100_000).optional().catch(undefined),
});

export default async function CaseloadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The layout renders in parallel: check here too so other roles get the 403 page, not an error.
  const viewer = await guardArea('manager');
  const params = searchSchema.parse(await searchParams);
  const clinicianId = params.clinician ?? null;
  const [context, list] = await Promise.all([getOutcomeContext(), listActiveEpisodes(clinicianId, params.page)]);
  const episodes = list.rows;
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (clinicianId) query.set('clinician', clinicianId);
    if (page > 1) query.set('page', String(page));
    const text = query.toString();
    return `/manager/caseloads${text ? `?${text}` : ''}`;
  };
  // One list for every row's choice of clinician (see ReassignForm).
  const clinicianOptions = context.clinicians.filter((clinician) => clinician.active).map(({ id, name }) => ({ id, name }));
  const message = params.result ? RESULTS[params.result] : undefined;
  const selected = clinicianId ? context.clinicians.find((clinician) => clinician.id === clinicianId) : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Caseloads</h1>
        <p className="mt-1 text-slate-700">
          Move an active episode to another clinician, for example before someone leaves. Patients are shown by pseudonymous id
          {context.managersSeePatientIdentity ? ' and name (your clinic allows it)' : ''}.
        </p>
      </div>
      {message ? (
        <FormAlert tone={message.tone}>
          {message.text}
          {params.result === 'caseload-moved' && params.moved !== undefined ? ` ${params.moved} episode${params.moved === 1 ? '' : 's'} moved.` : ''}
        </FormAlert>
      ) : null}

      <form method="get" action="/manager/caseloads" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="caseload-clinician" className="block font-medium">Show the caseload of</label>
          <select id="caseload-clinician" name="clinician" defaultValue={clinicianId ?? ''} className="mt-1 min-h-11 rounded-lg border border-slate-400 bg-white px-3 py-2">
            <option value="">All clinicians</option>
            {context.clinicians.map((clinician) => (
              <option key={clinician.id} value={clinician.id}>
                {clinician.name}
                {clinician.active ? '' : ' (deactivated)'}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
          Show
        </button>
      </form>

      {selected && list.total > 0 && clinicianOptions.some((clinician) => clinician.id !== selected.id) ? (
        <form action={reassignCaseloadAction} className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
          <input type="hidden" name="fromClinicianId" value={selected.id} />
          <div>
            <label htmlFor="caseload-to" className="block font-medium">
              Move all {list.total} of {selected.name}’s active episodes to
            </label>
            <select id="caseload-to" name="clinicianId" className="mt-1 min-h-11 rounded-lg border border-slate-400 bg-white px-3 py-2">
              {clinicianOptions
                .filter((clinician) => clinician.id !== selected.id)
                .map((clinician) => (
                  <option key={clinician.id} value={clinician.id}>
                    {clinician.name}
                  </option>
                ))}
            </select>
          </div>
          <SubmitButton variant="secondary" pendingText="Moving…">
            Move the whole caseload
          </SubmitButton>
          <p className="w-full text-sm text-slate-700">Their open alerts go with the patients. Use this before deactivating someone who is leaving.</p>
        </form>
      ) : null}

      <p className="text-slate-800">
        {list.total} active episode{list.total === 1 ? '' : 's'}
        {selected ? ` with ${selected.name}` : ''}
        {list.pageCount > 1
          ? `, ${(list.page - 1) * CASELOADS_PAGE_SIZE + 1}–${(list.page - 1) * CASELOADS_PAGE_SIZE + episodes.length} shown`
          : ''}
        .
      </p>
      {episodes.length > 0 ? (
        <DataTable
          caption={`Active episodes${selected ? ` of ${selected.name}` : ''}`}
          columns={[
            {
              label: 'Episode',
              rowHeader: true,
              className: 'font-mono font-semibold',
              cell: (episode) => (
                <>
                  {episode.pseudonym}
                  {episode.patientName ? <span className="block font-sans font-normal">{episode.patientName}</span> : null}
                </>
              ),
            },
            { label: 'Clinician', cell: (episode) => episode.clinicianName },
            { label: 'In care since', cell: (episode) => formatDate(episode.startedAt, viewer.timeZone) },
            {
              label: 'Reassign',
              controls: true,
              cell: (episode) => (
                <ReassignForm
                  episodeId={episode.id}
                  pseudonym={episode.pseudonym}
                  currentClinicianId={episode.clinicianId}
                  clinicians={clinicianOptions}
                  back={clinicianId ?? ''}
                  page={list.page}
                />
              ),
            },
          ]}
          rows={episodes}
          rowKey={(episode) => episode.id}
        />
      ) : null}
      <PageLinks label="Pages of active episodes" page={list.page} pageCount={list.pageCount} hrefFor={pageHref} />
    </div>
  );
}
