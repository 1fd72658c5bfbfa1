import type { Metadata } from 'next';
import { ClinicContactBlock } from '@/components/print/clinic-contact-block';
import { PrintButton } from '@/components/print/print-button';
import { AppLink } from '@/components/ui/app-link';
import { BASELINE_PAIN, DISCHARGE_PAIN } from '@/lib/clinical/figures';
import { NPRS_MCID } from '@/lib/clinical/nprs';
import { ODI_MCID } from '@/lib/clinical/odi';
import { formatMeasurement, ROM_MEASURES } from '@/lib/clinical/rom';
import type { OutcomePair } from '@/lib/dal/discharge';
import { getDischargeLetter } from '@/lib/dal/discharge-letter';
import { daysBetween, formatDate, localDay } from '@/lib/time';
import { loadRecordPage } from '../../record-page';

export const metadata: Metadata = { title: 'Discharge letter' };

const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0');
const round1 = (value: number) => Math.round(value * 10) / 10;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function Row({ label, pair, unit }: { label: string; pair: OutcomePair; unit: string }) {
  if (!pair) {
    return (
      <tr className="border-t border-slate-400">
        <th scope="row" className="py-1 pr-3 text-left font-medium">{label}</th>
        <td colSpan={4} className="py-1">Not enough data (needs a score at the start and a later one).</td>
      </tr>
    );
  }
  return (
    <tr className="border-t border-slate-400">
      <th scope="row" className="py-1 pr-3 text-left font-medium">{label}</th>
      <td data-label="Start" className="py-1 pr-3 text-right tabular-nums">{pair.baseline}{unit}</td>
      <td data-label="Discharge" className="py-1 pr-3 text-right tabular-nums">{pair.latest}{unit}</td>
      <td data-label="Change" className="py-1 pr-3 text-right tabular-nums">
        {signed(round1(pair.improvement.change))}
        {pair.improvement.percentChange !== null ? ` (${signed(Math.round(pair.improvement.percentChange))}%)` : ''}
      </td>
      <td data-label="Clinically important improvement" className="py-1">{pair.improvement.met ? 'Yes' : 'No'}</td>
    </tr>
  );
}

export default async function DischargeLetterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id, viewer, data: letter } = await loadRecordPage(params, getDischargeLetter);
  const zone = viewer.timeZone;
  const { outcome, patient } = letter;
  // Calendar days, so a clock change in between does not shorten or lengthen the stay.
  const days = Math.max(1, daysBetween(localDay(letter.startedAt, zone), localDay(letter.dischargedAt, zone)));
  const length = days < 14 ? `${days} ${days === 1 ? 'day' : 'days'}` : `${Math.round(days / 7)} weeks`;
  return (
    <div className="max-w-3xl space-y-4">
      <div className="print-hidden flex flex-wrap items-center justify-between gap-3">
        <AppLink href={`/clinician/patients/${id}/discharge`} className="inline-flex min-h-11 items-center text-brand-800 underline">
          ← Back to outcome and discharge
        </AppLink>
        <PrintButton label="Print the letter" />
      </div>
      <article className="space-y-4 bg-white p-6 text-slate-900 print:p-0">
        <header className="flex flex-wrap justify-between gap-4 border-b-2 border-slate-900 pb-3">
          <h1 className="text-xl font-bold">Physiotherapy discharge letter</h1>
          <ClinicContactBlock clinic={letter.clinic} />
        </header>
        <p>{formatDate(new Date(), zone)}</p>
        <p>
          <strong>To:</strong> the patient’s GP or referring clinician
          <br />
          <strong>Patient:</strong> {patient.name}
          {patient.dateOfBirth ? `, date of birth ${formatDate(patient.dateOfBirth, zone)}` : ''}
        </p>
        <p>Dear colleague,</p>
        <p>
          {patient.name} was treated at {letter.clinic.name} by {letter.clinicianName} for {letter.condition.toLowerCase()} from{' '}
          {formatDate(letter.startedAt, zone)} and was discharged on {formatDate(letter.dischargedAt, zone)}, after about {length} of care.
        </p>
        {outcome.dischargeSummary ? (
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading" className="font-bold">Summary</h2>
            <p className="whitespace-pre-wrap">{outcome.dischargeSummary}</p>
          </section>
        ) : null}
        <section aria-labelledby="figures-heading" className="print-avoid-break">
          <h2 id="figures-heading" className="font-bold">Outcome</h2>
          <table className="stack-table mt-1 w-full text-sm">
            <caption className="sr-only">Scores at the start of care and at discharge</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3 text-left">Measure</th>
                <th scope="col" className="py-1 pr-3 text-right">Start</th>
                <th scope="col" className="py-1 pr-3 text-right">Discharge</th>
                <th scope="col" className="py-1 pr-3 text-right">Change</th>
                <th scope="col" className="py-1 text-left">Clinically important improvement</th>
              </tr>
            </thead>
            <tbody>
              <Row label="Pain (NPRS, 0–10)" pair={outcome.nprs} unit="" />
              <Row label="Oswestry Disability Index (%)" pair={outcome.odi} unit="" />
            </tbody>
          </table>
          {outcome.rom.length > 0 ? (
            <>
              <h3 className="mt-2 font-semibold">Range of motion</h3>
              <ul className="text-sm">
                {outcome.rom.map((row) => {
                  const measure = ROM_MEASURES[row.code];
                  return (
                    <li key={row.code}>
                      {measure.clinicalLabel}: {formatMeasurement(row.baseline, measure.unit)} → {formatMeasurement(row.latest, measure.unit)} ({signed(row.change)}
                      {measure.unit === 'deg' ? '°' : ' cm'})
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
        </section>
        <section aria-labelledby="definitions-heading" className="print-avoid-break text-sm">
          <h2 id="definitions-heading" className="font-bold">How these figures are defined</h2>
          <dl className="space-y-1">
            <div>
              <dt className="inline font-semibold">Pain (NPRS): </dt>
              <dd className="inline">
                the patient’s rating of their pain from 0 (none) to 10 (worst imaginable). Start: {lowerFirst(BASELINE_PAIN.text)} Discharge:{' '}
                {lowerFirst(DISCHARGE_PAIN.text)} A clinically important improvement is a fall of at least {NPRS_MCID.points} points or{' '}
                {NPRS_MCID.percent}% (Ostelo et al., Spine 2008).
              </dd>
            </div>
            <div>
              <dt className="inline font-semibold">Oswestry Disability Index: </dt>
              <dd className="inline">
                disability from back pain in daily activities, 0% (none) to 100%, from the patient’s questionnaire. Start is the first completed
                questionnaire of this episode, discharge the last. A clinically important improvement is a fall of at least {ODI_MCID.points}{' '}
                points or {ODI_MCID.percent}%.
              </dd>
            </div>
            <div>
              <dt className="inline font-semibold">Range of motion: </dt>
              <dd className="inline">measured by the physiotherapist; the first and the latest measurement of each movement.</dd>
            </div>
            <div>
              <dt className="inline font-semibold">Change: </dt>
              <dd className="inline">discharge minus start, and as a percentage of the start value; for pain and disability a fall is an improvement.</dd>
            </div>
          </dl>
        </section>
        <p>Please contact us if you would like to discuss {patient.name}’s care.</p>
        <p>
          Yours sincerely,
          <br />
          <br />
          {letter.clinicianName}
          <br />
          Physiotherapist, {letter.clinic.name}
        </p>
      </article>
    </div>
  );
}
