import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { AWAY_MESSAGES, type AwayOutcome, type AwayStatus, type CoverCandidate } from '@/lib/dal/cover';
import { formatDate } from '@/lib/time';
import { markMeAwayAction, markMeBackAction } from './actions';

/** Away from work: who covers the clinician's patients and alerts, and whom they cover. */
export function AwaySection({
  userId,
  status,
  candidates,
  result,
  timeZone,
}: {
  userId: string;
  status: AwayStatus;
  candidates: CoverCandidate[];
  result: string | null;
  timeZone: string;
}) {
  const problem = result && result in AWAY_MESSAGES ? AWAY_MESSAGES[result as Exclude<AwayOutcome, 'done'>] : null;
  return (
    <section aria-labelledby="away-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="away-heading" className="text-xl font-semibold">Away from work</h2>
      {result === 'done' ? <FormAlert tone="success">You are marked away. Your cover now sees your patients and alerts.</FormAlert> : null}
      {result === 'back' ? <FormAlert tone="success">Welcome back. Your patients and alerts are yours again.</FormAlert> : null}
      {status.coveringFor.length > 0 ? (
        <p>
          You are covering for{' '}
          {status.coveringFor.map((colleague) => `${colleague.name} (away since ${formatDate(colleague.awaySince, timeZone)})`).join(', ')}: their
          patients are in your caseload and their alerts in your inbox.
        </p>
      ) : null}
      {status.away ? (
        <form action={markMeBackAction} className="space-y-3">
          <input type="hidden" name="clinicianId" value={userId} />
          <p>
            You are away since {formatDate(status.awaySince!, timeZone)}. {status.cover?.name} sees your patients and alerts and acts on
            them until you are back.
          </p>
          {problem ? <FormAlert>{problem}</FormAlert> : null}
          <SubmitButton pendingText="Saving…">I am back</SubmitButton>
        </form>
      ) : candidates.length === 0 ? (
        <p>No colleague is at work to cover for you. Ask your manager.</p>
      ) : (
        <form action={markMeAwayAction} className="space-y-3">
          <input type="hidden" name="clinicianId" value={userId} />
          <p className="text-slate-700">
            Going on leave? Choose who covers for you. They see your patients and your alerts, and act on them, until you come back.
          </p>
          <div>
            <label htmlFor="away-cover" className="block font-medium">
              Who covers for you
            </label>
            <select
              id="away-cover"
              name="coverId"
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'away-cover-error' : undefined}
              className="mt-1 block min-h-11 w-full max-w-sm rounded-lg border border-slate-400 bg-white px-2"
            >
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
            {problem ? (
              <p id="away-cover-error" role="alert" className="mt-1 font-medium text-red-800">
                {problem}
              </p>
            ) : null}
          </div>
          <SubmitButton pendingText="Saving…">Mark me away</SubmitButton>
        </form>
      )}
    </section>
  );
}
