import type { Metadata } from 'next';
import { guardArea } from '@/lib/auth/guard';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { getOutcomeContext } from '@/lib/dal/outcomes';
import { listActiveEpisodes } from '@/lib/dal/reassign';
import { formatDate } from '@/lib/time';
import { reassignEpisodeAction } from './actions';

export const metadata: Metadata = { title: 'Caseloads' };

const RESULTS: Record<string, { tone: 'success' | 'error'; text: string }> = {
  done: { tone: 'success', text: 'The episode has a new clinician. The change is in the audit trail.' },
  unchanged: { tone: 'error', text: 'That clinician already has this episode.' },
  'invalid-clinician': { tone: 'error', text: 'Choose an active clinician of your clinic.' },
  'not-found': { tone: 'error', text: 'That episode is no longer active in your clinic.' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export default async function CaseloadsPage({ searchParams }: { searchParams: Promise<{ clinician?: string; result?: string }> }) {
  // The layout renders in parallel: check here too so other roles get the 403 page, not an error.
  const viewer = await guardArea('manager');
  const params = await searchParams;
  const clinicianId = params.clinician && UUID.test(params.clinician) ? params.clinician : null;
  const [context, episodes] = await Promise.all([getOutcomeContext(), listActiveEpisodes(clinicianId)]);
  const activeClinicians = context.clinicians.filter((clinician) => clinician.active);
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
      {message ? <FormAlert tone={message.tone}>{message.text}</FormAlert> : null}

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

      <p className="text-slate-800">
        {episodes.length} active episode{episodes.length === 1 ? '' : 's'}
        {selected ? ` with ${selected.name}` : ''}.
      </p>
      {episodes.length > 0 ? (
        <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Active episodes{selected ? ` of ${selected.name}` : ''}</caption>
            <thead className="bg-slate-100 text-slate-800">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">Episode</th>
                <th scope="col" className="px-3 py-2 font-semibold">Clinician</th>
                <th scope="col" className="px-3 py-2 font-semibold">In care since</th>
                <th scope="col" className="px-3 py-2 font-semibold">Reassign</th>
              </tr>
            </thead>
            <tbody>
              {episodes.map((episode) => {
                const others = activeClinicians.filter((clinician) => clinician.id !== episode.clinicianId);
                const selectId = `reassign-${episode.id}`;
                return (
                  <tr key={episode.id} className="border-t border-slate-200">
                    <th scope="row" className="px-3 py-2 font-mono font-semibold">
                      {episode.pseudonym}
                      {episode.patientName ? <span className="block font-sans font-normal">{episode.patientName}</span> : null}
                    </th>
                    <td className="px-3 py-2">{episode.clinicianName}</td>
                    <td className="px-3 py-2">{formatDate(episode.startedAt, viewer.timeZone)}</td>
                    <td className="px-3 py-2">
                      {others.length === 0 ? (
                        'No other active clinician'
                      ) : (
                        <form action={reassignEpisodeAction} className="flex flex-wrap items-center gap-2">
                          <input type="hidden" name="episodeId" value={episode.id} />
                          <input type="hidden" name="back" value={clinicianId ?? ''} />
                          <label htmlFor={selectId} className="sr-only">
                            New clinician for {episode.pseudonym}
                          </label>
                          <select id={selectId} name="clinicianId" className="min-h-11 rounded-lg border border-slate-400 bg-white px-2">
                            {others.map((clinician) => (
                              <option key={clinician.id} value={clinician.id}>
                                {clinician.name}
                              </option>
                            ))}
                          </select>
                          <SubmitButton variant="secondary" pendingText="Moving…" className="min-h-11 px-3 py-2 text-sm">
                            Reassign<span className="sr-only"> {episode.pseudonym}</span>
                          </SubmitButton>
                        </form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
