import { FigureDefinitions } from '@/components/clinician/figure-definitions';
import { adherenceFigure, BASELINE_PAIN, LATEST_PAIN } from '@/lib/clinical/figures';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AlertCard } from '@/components/clinician/alert-card';
import { acknowledgeAlertAction } from '@/app/clinician/alerts/actions';
import { alertCardView } from '@/components/clinician/alert-view';
import { ReissueInvitationForm } from '@/components/clinician/invitation-link';
import { RecordNav } from '@/components/clinician/record-nav';
import { TimelineList } from '@/components/clinician/timeline-list';
import { ClinicianAdherenceChart } from '@/components/charts/clinician-adherence-chart';
import { ClinicianOdiChart } from '@/components/charts/clinician-odi-chart';
import { ClinicianPainChart } from '@/components/charts/clinician-pain-chart';
import { ClinicianRomChart } from '@/components/charts/clinician-rom-chart';
import { ClinicianScoreChart } from '@/components/charts/clinician-score-chart';
import { FormAlert } from '@/components/ui/form-alert';
import { guardArea } from '@/lib/auth/guard';
import { INSTRUMENT_NAMES } from '@/lib/clinical/instruments';
import { ODI_BANDS } from '@/lib/clinical/odi';
import { describePsfsChange, PSFS_MEANINGFUL_CHANGE_TEXT } from '@/lib/clinical/psfs';
import { RMDQ_MCID_TEXT, RMDQ_STATEMENT_COUNT } from '@/lib/clinical/rmdq';
import { ageOn } from '@/lib/clinical/record-figures';
import { chooseRomReference, describeReference, judgeSchober, MEASURE_CODES, ROM_MEASURES } from '@/lib/clinical/rom';
import { STARTBACK_RISK_GUIDANCE } from '@/lib/clinical/startback';
import { getPatientRecord, type PatientRecord, type TimelineEvent } from '@/lib/dal/patient-record';
import { formatDate, formatDateTime } from '@/lib/time';
import { ackProblemFrom } from '@/lib/validation/alerts';
import { reissueInvitationAction } from './discharge/actions';
import { z } from 'zod';

export const metadata: Metadata = { title: 'Patient record' };

// `?escalation=<alert id>`: the safety lead opens the record for an alert escalated to them.
const escalationSchema = z.object({ escalation: z.uuid().optional().catch(undefined) });

// One formatter for the module: building an Intl.DateTimeFormat costs far more than using one.
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const shortDay = (day: string) => SHORT_DAY.format(new Date(`${day}T12:00:00Z`));

export default async function PatientRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  // A refused acknowledgement comes back in the address; its message goes on the alert's card.
  const search = await searchParams;
  const problem = ackProblemFrom(search);
  const escalation = escalationSchema.parse(search).escalation ?? null;
  const viewer = await guardArea('clinician');
  const record = await getPatientRecord(id, new Date(), escalation);
  if (!record) notFound();
  const { header } = record;
  const open = header.openAlerts;
  const timeZone = viewer.timeZone;

  return (
    <div className="space-y-6">
      {escalation ? (
        <FormAlert>
          You are viewing this record as the clinic’s safety lead, for an alert nobody acknowledged in time. This view is recorded in
          the audit trail. Acknowledge the alert below once it is dealt with.
        </FormAlert>
      ) : (
        <RecordNav episodeId={header.episodeId} patientName={header.patientName} current="" status={header.status} />
      )}
      <section aria-labelledby="record-heading" className="rounded-xl border border-slate-200 bg-white p-4">
        <h1 id="record-heading" className="text-2xl font-bold">{header.patientName}</h1>
        <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
          <Fact term="Age" value={header.age === null ? 'Not recorded' : `${header.age}${header.dateOfBirth ? ` (born ${formatDate(header.dateOfBirth, timeZone)})` : ''}`} />
          <Fact term="Condition" value={header.condition} />
          <Fact term="Episode start" value={`${formatDate(header.startedAt, timeZone)} (week ${header.weeksInCare + 1})`} />
          <Fact term="Baseline pain" value={`${header.intakeNprs}/10`} />
          <Fact term="STarT Back risk" value={header.startbackRisk ? STARTBACK_RISK_GUIDANCE[header.startbackRisk].label : 'Not screened'} />
          <Fact term="Open alerts" value={header.openAlerts.length === 0 ? 'None' : String(header.openAlerts.length)} />
          {/* Charts and alert rules count the patient's days; say so when their zone is not the clinician's. */}
          {header.timeZone !== timeZone ? <Fact term="Patient’s time zone" value={header.timeZone.replace(/_/g, ' ')} /> : null}
        </dl>
        <p className="mt-3 text-sm">
          <a
            href={`/api/exports/fhir/episodes/${header.episodeId}`}
            download
            className="font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900"
          >
            Download record (FHIR file)
          </a>
          <span className="text-slate-700"> for another health system. Each download is recorded.</span>
        </p>
        {!escalation && !header.accountActivated && header.status === 'active' ? (
          <div className="mt-3 space-y-2 border-t border-slate-200 pt-3">
            <p className="text-sm">The patient has not set up their account yet.</p>
            <ReissueInvitationForm action={reissueInvitationAction.bind(null, header.episodeId)} timeZone={timeZone} />
          </div>
        ) : null}
        {header.status === 'discharged' && header.dischargedAt ? (
          <p className="mt-2 text-sm">Discharged {formatDate(header.dischargedAt, timeZone)}.</p>
        ) : null}
      </section>

      {problem && !open.some((alert) => alert.id === problem.alertId) ? <FormAlert>{problem.message}</FormAlert> : null}
      {open.length > 0 ? (
        <section aria-labelledby="record-alerts" className="space-y-3">
          <h2 id="record-alerts" className="text-xl font-semibold">Open alerts</h2>
          {open.map((alert) => (
            <AlertCard
              key={alert.id}
              acknowledgeAction={acknowledgeAlertAction}
              alert={alertCardView(alert, timeZone)}
              showPatient={false}
              // The safety lead's access ends with the acknowledgement: back to the inbox then.
              back={escalation ? '' : header.episodeId}
              clearProblem={escalation !== null || problem !== null}
              problem={problem?.alertId === alert.id ? problem : null}
            />
          ))}
        </section>
      ) : null}

      <section aria-labelledby="record-trends" className="space-y-3">
        <h2 id="record-trends" className="text-xl font-semibold">Trends</h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <ClinicianPainChart
            points={record.pain.map((point) => ({ ...point, label: shortDay(point.day) }))}
            summary={painSummary(record)}
          />
          <ClinicianOdiChart
            points={record.odi.points.map((point) => ({ label: shortDay(point.day), score: point.score, band: ODI_BANDS.find((band) => band.band === point.band)?.label ?? '—' }))}
            mcidLevel={record.odi.mcidLevel}
            summary={odiSummary(record)}
          />
          {record.rmdq.points.length > 0 ? (
            <ClinicianScoreChart
              title={`${INSTRUMENT_NAMES.RMDQ} (0–${RMDQ_STATEMENT_COUNT})`}
              summary={rmdqSummary(record)}
              points={record.rmdq.points.map((point) => ({ label: shortDay(point.day), score: point.score }))}
              series={[{ key: 'score', name: 'RMDQ' }]}
              domain={[0, RMDQ_STATEMENT_COUNT]}
              reference={record.rmdq.mcidLevel !== null && record.rmdq.points.length > 1 ? { y: record.rmdq.mcidLevel, label: `MCID ${record.rmdq.mcidLevel}` } : null}
            />
          ) : null}
          {record.psfs.responses.length > 0 ? <PsfsChart record={record} /> : null}
          <ClinicianAdherenceChart
            points={record.adherence.filter((week) => week.percent !== null).map((week) => ({ label: `Wk ${week.week}`, percent: week.percent!, logged: week.logged, prescribed: week.prescribed }))}
            summary={adherenceSummary(record)}
          />
        </div>
        <FigureDefinitions
          id="record-definitions"
          definitions={[BASELINE_PAIN, { ...LATEST_PAIN, text: `${LATEST_PAIN.text} Daily pain on the chart is the highest score of each day.` }, adherenceFigure('weeks-of-care', 'Weekly adherence')]}
        />
        <h3 className="pt-2 text-lg font-semibold">Range of motion</h3>
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          {MEASURE_CODES.map((code) => {
            const measure = ROM_MEASURES[code];
            const points = record.rom[code];
            const unit = measure.unit === 'deg' ? '°' : ' cm';
            const latest = points.at(-1);
            const first = points[0];
            // The band for the patient's age on the day of the latest measurement (docs/CLINICAL.md, "ROM reference bands by age").
            const { band: reference, text: bandText } = chooseRomReference(code, latest ? ageOn(header.dateOfBirth, latest.day) : header.age);
            const judgement = code === 'modified-schober' && latest ? ` ${judgeSchober(latest.value).text}` : '';
            const band = bandText ? ` ${reference ? 'Shaded: ' : ''}${bandText}` : '';
            const summary = latest && first
              ? `${points.length} measurements; first ${first.value}${unit}, latest ${latest.value}${unit}.${judgement}${band} ${measure.normalText}`
              : `Not measured yet.${band}`;
            return (
              <ClinicianRomChart
                key={code}
                title={measure.clinicalLabel}
                unit={unit}
                points={points.map((point) => ({ label: shortDay(point.day), value: point.value }))}
                reference={reference ? { low: reference.low, high: reference.high, label: `${reference.shortLabel}: ${describeReference(reference, measure.unit)}` } : null}
                domain={[Math.min(measure.min, 0), measure.unit === 'deg' ? Math.min(measure.max, Math.max(90, ...points.map((point) => point.value))) : measure.max]}
                summary={summary}
              />
            );
          })}
        </div>
      </section>

      <section aria-labelledby="record-timeline" className="space-y-3">
        <h2 id="record-timeline" className="text-xl font-semibold">Timeline</h2>
        <p className="text-sm text-slate-700">The latest {record.timeline.length} events, newest first.</p>
        <TimelineList
          events={record.timeline.map((event) => ({ at: formatDateTime(event.at, timeZone), kind: KIND_LABELS[event.kind], title: event.title, detail: event.detail }))}
        />
      </section>
    </div>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-700">{term}</dt>
      <dd className="font-semibold">{value}</dd>
    </div>
  );
}

const KIND_LABELS: Record<TimelineEvent['kind'], string> = {
  pain: 'Pain',
  exercise: 'Exercise',
  questionnaire: 'Questionnaire',
  measurement: 'Measurement',
  plan: 'Plan',
  note: 'Note',
  alert: 'Alert',
  message: 'Message',
};

function painSummary(record: PatientRecord): string {
  if (record.pain.length === 0) return 'No pain scores logged yet.';
  const latest = record.pain.at(-1)!;
  return `${record.pain.length} days with a score. Latest ${latest.score}/10 (7-day average ${latest.average}); baseline ${record.header.intakeNprs}/10.`;
}

function odiSummary(record: PatientRecord): string {
  const { points, baseline, mcidLevel } = record.odi;
  if (points.length === 0) return 'No Oswestry questionnaire completed yet.';
  const latest = points.at(-1)!;
  const met = mcidLevel !== null && points.length > 1 && latest.score <= mcidLevel;
  return `Baseline ${baseline}%, latest ${latest.score}%. The dashed line marks a clinically important improvement (${mcidLevel}%): ${met ? 'reached' : 'not reached yet'}. Shaded bands: minimal, moderate, severe, very severe, extreme disability.`;
}

function adherenceSummary(record: PatientRecord): string {
  const weeks = record.adherence.filter((week) => week.percent !== null);
  if (weeks.length === 0) return 'No complete week with a plan yet.';
  const latest = weeks.at(-1)!;
  return `Week ${latest.week}: ${latest.logged} of ${latest.prescribed} sessions (${latest.percent}%). The dashed line is the 50% low-adherence level.`;
}

function rmdqSummary(record: PatientRecord): string {
  const { points, change } = record.rmdq;
  const latest = points.at(-1)!;
  return change
    ? `First ${change.baseline}, latest ${latest.score} of ${RMDQ_STATEMENT_COUNT}. ${change.text} ${RMDQ_MCID_TEXT}`
    : `One response: ${latest.score} of ${RMDQ_STATEMENT_COUNT}. ${RMDQ_MCID_TEXT}`;
}

/** PSFS: one line per activity, with the change in the mean and in each activity against the rule. */
function PsfsChart({ record }: { record: PatientRecord }) {
  const { responses, change } = record.psfs;
  const names = [...new Set(responses.toReversed().flatMap((response) => response.activities.map((activity) => activity.name)))].slice(0, 5);
  const words = change ? describePsfsChange(change) : null;
  const summary = words
    ? `${words.mean}: ${words.verdict}. ${words.activities.join('; ')}. ${PSFS_MEANINGFUL_CHANGE_TEXT}`
    : `One response: average ${responses[0]!.score.toFixed(1)}. ${PSFS_MEANINGFUL_CHANGE_TEXT}`;
  return (
    <ClinicianScoreChart
      title={INSTRUMENT_NAMES.PSFS}
      summary={summary}
      points={responses.map((response) => ({
        label: shortDay(response.day),
        ...Object.fromEntries(names.map((name, index) => [`activity${index}`, response.activities.find((activity) => activity.name === name)?.rating ?? null])),
      }))}
      series={names.map((name, index) => ({ key: `activity${index}`, name }))}
      domain={[0, 10]}
    />
  );
}
