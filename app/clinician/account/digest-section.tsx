import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveMorningDigestAction } from './actions';

/** The clinician's morning summary: on or off. */
export function DigestSection({ on, result }: { on: boolean; result: 'saved' | 'invalid' | null }) {
  return (
    <section aria-labelledby="digest-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="digest-heading" className="text-xl font-semibold">
        Morning summary
      </h2>
      {result === 'saved' ? <FormAlert tone="success">Saved.</FormAlert> : null}
      <p className="text-slate-700">
        At about 7:30 in the morning, your time, Uplift can email you how many alerts are open, how many were escalated to you and how many
        notifications you have not read. Counts only: no patient names or details. None is sent while you are away.
      </p>
      <form action={saveMorningDigestAction} className="space-y-3">
        <fieldset className="space-y-2" aria-describedby={result === 'invalid' ? 'digest-error' : undefined}>
          <legend className="text-base font-medium text-slate-900">Send me a morning summary</legend>
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" name="morningDigest" value="on" defaultChecked={on} className="size-5" />
            Yes, every morning
          </label>
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" name="morningDigest" value="off" defaultChecked={!on} className="size-5" />
            No
          </label>
          {result === 'invalid' ? (
            <p id="digest-error" className="text-sm font-medium text-red-800">
              Choose whether to get the morning summary.
            </p>
          ) : null}
        </fieldset>
        <SubmitButton pendingText="Saving…">Save morning summary</SubmitButton>
      </form>
    </section>
  );
}
