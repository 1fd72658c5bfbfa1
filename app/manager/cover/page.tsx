import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { DataTable } from '@/components/ui/data-table';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { guardArea } from '@/lib/auth/guard';
import { describeWaiting } from '@/lib/clinical/escalation';
import { AWAY_MESSAGES, listClinicianCover, listCoverCandidates, type AwayOutcome, type ClinicianCoverRow, type CoverCandidate } from '@/lib/dal/cover';
import { formatDate, formatDateTime } from '@/lib/time';
import { markAwayAction, markBackAction } from './actions';

export const metadata: Metadata = { title: 'Cover and alerts' };

const RESULT_KEYS = ['done', 'back', ...Object.keys(AWAY_MESSAGES)] as [string, ...string[]];
const searchSchema = z.object({
  result: z.enum(RESULT_KEYS).optional().catch(undefined),
  clinician: z.uuid().optional().catch(undefined),
});

export default async function CoverPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The layout renders in parallel: check here too so other roles get the 403 page, not an error.
  const viewer = await guardArea('manager');
  const search = searchSchema.parse(await searchParams);
  const [{ rows, safetyLead }, candidates] = await Promise.all([listClinicianCover(), listCoverCandidates()]);
  const now = new Date();
  const problem = search.result && search.result !== 'done' && search.result !== 'back' ? AWAY_MESSAGES[search.result as Exclude<AwayOutcome, 'done'>] : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Cover and alerts</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          While a clinician is away, the colleague covering for them sees their patients and alerts and acts on them, until they are
          marked back. Alerts waiting are counted here without any clinical detail.
        </p>
      </div>
      {search.result === 'done' ? <FormAlert tone="success">Marked away. Their cover now sees their patients and alerts. This is in the audit trail.</FormAlert> : null}
      {search.result === 'back' ? <FormAlert tone="success">Marked back. Their patients and alerts are theirs again.</FormAlert> : null}
      {problem && !search.clinician ? <FormAlert>{problem}</FormAlert> : null}

      <section aria-labelledby="lead-heading" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="lead-heading" className="text-lg font-semibold">Safety lead</h2>
        {safetyLead ? (
          <p className="mt-1">
            {safetyLead.name} receives emergency, urgent and review alerts nobody has acknowledged in time.{' '}
            <Link href="/manager/settings#safety-heading" className="font-semibold text-brand-800 underline underline-offset-2">
              Change the safety lead or the time limits
            </Link>
          </p>
        ) : (
          <div className="mt-2">
            <FormAlert>
              No safety lead is named, so alerts nobody acknowledges in time have no one to go to.{' '}
              <Link href="/manager/settings#safety-heading" className="font-semibold underline underline-offset-2">
                Name a safety lead in Settings
              </Link>
            </FormAlert>
          </div>
        )}
      </section>

      <DataTable
        id="cover-table"
        caption="Clinicians, their cover and the alerts waiting for them"
        columns={[
          {
            label: 'Clinician',
            rowHeader: true,
            cell: (row) => (
              <>
                {row.name}
                {row.isSafetyLead ? <span className="block font-normal text-slate-700">Safety lead</span> : null}
              </>
            ),
          },
          { label: 'At work or away', cell: (row) => (row.awaySince ? `Away since ${formatDate(row.awaySince, viewer.timeZone)}; ${row.coverName} covers` : 'At work') },
          { label: 'Active episodes', cell: (row) => row.activeEpisodes },
          { label: 'Alerts not acknowledged', cell: (row) => row.unacknowledged },
          {
            label: 'Oldest has waited',
            cell: (row) =>
              row.oldestUnacknowledgedAt ? (
                <>
                  {describeWaiting(row.oldestUnacknowledgedAt, now)}
                  <span className="block text-slate-700">since {formatDateTime(row.oldestUnacknowledgedAt, viewer.timeZone)}</span>
                </>
              ) : (
                '—'
              ),
          },
          { label: 'Escalated', cell: (row) => row.escalated },
          {
            label: 'Cover',
            controls: true,
            cell: (row) => (
              <CoverForms row={row} candidates={candidates.filter((candidate) => candidate.id !== row.id)} problem={problem && search.clinician === row.id ? problem : null} />
            ),
          },
        ]}
        rows={rows}
        rowKey={(row) => row.id}
      />
    </div>
  );
}

/** Mark a clinician back, or away with a colleague to cover; a refusal shows beside that row's form. */
function CoverForms({ row, candidates, problem }: { row: ClinicianCoverRow; candidates: CoverCandidate[]; problem: string | null }) {
  const errorId = `cover-error-${row.id}`;
  if (row.awaySince) {
    return (
      <form action={markBackAction}>
        <input type="hidden" name="clinicianId" value={row.id} />
        <SubmitButton variant="secondary" pendingText="Saving…" className="min-h-11 px-3 py-2 text-sm">
          Mark back<span className="sr-only"> {row.name}</span>
        </SubmitButton>
        {problem ? (
          <p role="alert" className="mt-1 font-medium text-red-800">
            {problem}
          </p>
        ) : null}
      </form>
    );
  }
  if (candidates.length === 0) return 'No colleague at work to cover';
  return (
    <form action={markAwayAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="clinicianId" value={row.id} />
      <div>
        <label htmlFor={`cover-${row.id}`} className="block font-medium">
          Cover for {row.name}
        </label>
        <select
          id={`cover-${row.id}`}
          name="coverId"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          className="mt-1 min-h-11 rounded-lg border border-slate-400 bg-white px-2"
        >
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton variant="secondary" pendingText="Saving…" className="min-h-11 px-3 py-2 text-sm">
        Mark away<span className="sr-only"> {row.name}</span>
      </SubmitButton>
      {problem ? (
        <p id={errorId} role="alert" className="w-full font-medium text-red-800">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
