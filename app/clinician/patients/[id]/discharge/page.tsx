import type { Metadata } from 'next';
import { DischargeForm } from '@/components/clinician/discharge-form';
import { AppLink } from '@/components/ui/app-link';
import { FigureDefinitions } from '@/components/clinician/figure-definitions';
import { RecordNav } from '@/components/clinician/record-nav';
import { BASELINE_PAIN, DISCHARGE_PAIN, LATEST_PAIN } from '@/lib/clinical/figures';
import { NPRS_MCID } from '@/lib/clinical/nprs';
import { ODI_MCID } from '@/lib/clinical/odi';
import { describePsfsChange, PSFS_MEANINGFUL_CHANGE_TEXT } from '@/lib/clinical/psfs';
import { RMDQ_MCID } from '@/lib/clinical/rmdq';
import { formatMeasurement, judgeSchober, ROM_MEASURES } from '@/lib/clinical/rom';
import { getOutcomeSummary, type OutcomePair } from '@/lib/dal/discharge';
import { formatDate } from '@/lib/time';
import { dischargeAction } from './actions';
import { loadRecordPage } from '../record-page';

export const metadata: Metadata = { title: 'Outcome and discharge' };

const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0');
const round1 = (value: number) => Math.round(value * 10) / 10;

function OutcomeRow({ label, pair, unit, rule, latestLabel }: { label: string; pair: OutcomePair; unit: string; rule: string; latestLabel: string }) {
  if (!pair) {
    return (
      <tr className="border-t border-slate-200">
        <th scope="row" className="px-3 py-2 text-left font-medium">{label}</th>
        <td colSpan={4} className="px-3 py-2 text-slate-700">Not enough data (needs a baseline and a later score).</td>
      </tr>
    );
  }
  const { improvement } = pair;
  return (
    <tr className="border-t border-slate-200">
      <th scope="row" className="px-3 py-2 text-left font-medium">{label}</th>
      <td data-label="Baseline" className="px-3 py-2 text-right tabular-nums">{pair.baseline}{unit}</td>
      <td data-label={latestLabel} className="px-3 py-2 text-right tabular-nums">{pair.latest}{unit}</td>
      <td data-label="Change" className="px-3 py-2 text-right tabular-nums">
        {signed(round1(improvement.change))}{unit}
        {improvement.percentChange !== null ? ` (${signed(Math.round(improvement.percentChange))}%)` : ''}
      </td>
      <td data-label="Clinically important improvement" className="px-3 py-2">
        <strong>{improvement.met ? 'Met' : 'Not met'}</strong>
        <span className="block text-xs text-slate-700">{rule}</span>
      </td>
    </tr>
  );
}

export default async function DischargePage({ params }: { params: Promise<{ id: string }> }) {
  const { viewer, data: outcome } = await loadRecordPage(params, getOutcomeSummary);
  const { heading } = outcome;
  const psfsWords = outcome.psfs ? describePsfsChange(outcome.psfs) : null;
  const lines = [
    outcome.nprs ? `Pain ${outcome.nprs.baseline}/10 → ${outcome.nprs.latest}/10 (MCID ${outcome.nprs.improvement.met ? 'met' : 'not met'}).` : null,
    outcome.odi ? `Oswestry ${outcome.odi.baseline}% → ${outcome.odi.latest}% (MCID ${outcome.odi.improvement.met ? 'met' : 'not met'}).` : null,
    outcome.rmdq ? `Roland-Morris ${outcome.rmdq.baseline}/24 → ${outcome.rmdq.latest}/24 (MCID ${outcome.rmdq.improvement.met ? 'met' : 'not met'}).` : null,
    psfsWords ? `PSFS ${psfsWords.mean.toLowerCase()} (${psfsWords.verdict}).` : null,
  ].filter(Boolean);
  const latestLabel = outcome.status === 'discharged' ? 'Discharge' : 'Latest';
  return (
    <div className="space-y-6">
      <RecordNav episodeId={heading.episodeId} patientName={heading.patientName} current="/discharge" status={heading.status} />
      <h1 className="text-2xl font-bold">Outcome and discharge: {heading.patientName}</h1>
      <section aria-labelledby="outcome-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="outcome-heading" className="text-xl font-semibold">
          {outcome.status === 'discharged' ? 'Outcome at discharge' : 'Outcome so far'}
        </h2>
        <div className="overflow-x-auto">
          <table className="stack-table min-w-full text-sm">
            <caption className="sr-only">Baseline against latest scores</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left">Measure</th>
                <th scope="col" className="px-3 py-2 text-right">Baseline</th>
                <th scope="col" className="px-3 py-2 text-right">{latestLabel}</th>
                <th scope="col" className="px-3 py-2 text-right">Change</th>
                <th scope="col" className="px-3 py-2 text-left">Clinically important improvement</th>
              </tr>
            </thead>
            <tbody>
              <OutcomeRow latestLabel={latestLabel} label="Pain (NPRS)" pair={outcome.nprs} unit="" rule={`A fall of ${NPRS_MCID.points} points or ${NPRS_MCID.percent}% from baseline.`} />
              <OutcomeRow latestLabel={latestLabel} label="Oswestry (ODI %)" pair={outcome.odi} unit="" rule={`A fall of ${ODI_MCID.points} points or ${ODI_MCID.percent}% from baseline.`} />
              <OutcomeRow latestLabel={latestLabel} label="Roland-Morris (RMDQ, 0–24)" pair={outcome.rmdq} unit="" rule={`A fall of ${RMDQ_MCID.points} points or ${RMDQ_MCID.percent}% from baseline.`} />
            </tbody>
          </table>
        </div>
        <h3 className="font-semibold">Activities the patient finds hard (PSFS)</h3>
        {outcome.psfs && psfsWords ? (
          <div className="text-sm">
            <p>
              {psfsWords.mean}: <strong>{outcome.psfs.met ? 'meaningful change met' : 'meaningful change not met'}</strong>.
            </p>
            <ul className="mt-1 grid gap-1 sm:grid-cols-2">
              {psfsWords.activities.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p className="mt-1 text-xs text-slate-700">{PSFS_MEANINGFUL_CHANGE_TEXT}</p>
          </div>
        ) : (
          <p className="text-slate-700">Not enough data (needs a first and a later PSFS).</p>
        )}
        <h3 className="font-semibold">Range of motion</h3>
        {outcome.rom.length === 0 ? <p className="text-slate-700">Fewer than two measurements of each movement.</p> : null}
        <ul className="grid gap-1 text-sm sm:grid-cols-2">
          {outcome.rom.map((row) => {
            const measure = ROM_MEASURES[row.code];
            const better = measure.lowerIsBetter ? row.change < 0 : row.change > 0;
            return (
              <li key={row.code}>
                <span className="font-medium">{measure.clinicalLabel}</span>: {formatMeasurement(row.baseline, measure.unit)} → {formatMeasurement(row.latest, measure.unit)} ({signed(row.change)}{measure.unit === 'deg' ? '°' : ' cm'}
                {row.change === 0 ? '' : better ? ', better' : ', worse'}{measure.lowerIsBetter ? '; smaller is better' : ''})
                {row.code === 'modified-schober' ? ` ${judgeSchober(row.latest).text}` : ''}
              </li>
            );
          })}
        </ul>
        <FigureDefinitions
          id="discharge-definitions"
          definitions={[
            BASELINE_PAIN,
            outcome.status === 'discharged' ? DISCHARGE_PAIN : LATEST_PAIN,
            { term: 'Oswestry baseline and latest', text: 'The first and the last completed Oswestry questionnaire in the episode.' },
          ]}
        />
      </section>
      {outcome.status === 'discharged' ? (
        <section aria-labelledby="discharged-heading" className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="discharged-heading" className="text-xl font-semibold">Discharged {outcome.dischargedAt ? formatDate(outcome.dischargedAt, viewer.timeZone) : ''}</h2>
          <p className="mt-2 whitespace-pre-wrap">{outcome.dischargeSummary}</p>
          <p className="mt-3">
            <AppLink href={`/clinician/patients/${heading.episodeId}/discharge/letter`} className="font-semibold text-brand-800 underline">
              Print a discharge letter to the GP or referrer
            </AppLink>
          </p>
        </section>
      ) : (
        <section aria-labelledby="discharge-heading" className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="discharge-heading" className="text-xl font-semibold">Discharge</h2>
          <DischargeForm action={dischargeAction.bind(null, heading.episodeId)} suggestedSummary={lines.join(' ')} />
        </section>
      )}
    </div>
  );
}
