/**
 * The readable files of a patient's "download my data": CSV tables of their diary, exercise logs and
 * questionnaire scores, and an HTML summary they can open in any browser and print. Pure functions of the
 * same rows the FHIR Bundle is built from.
 */
import { csvLine } from '@/lib/csv';
import { CODES } from '@/lib/clinical/codes';
import { formatDosage } from '@/lib/clinical/dosage';
import { isMeasureCode, ROM_MEASURES } from '@/lib/clinical/rom';
import { roundHalfUp1 } from '@/lib/clinical/rounding';
import { formatDate, formatDateTime } from '@/lib/time';
import { INSTRUMENT_TITLES } from './questionnaires';
import type { ClinicSource, EpisodeBatch, ExerciseLogSource, PersonSource } from './source';

/**
 * CSV through lib/csv.ts: a cell a spreadsheet would run as a formula (= + - @, tab or carriage
 * return) gets a leading apostrophe, one holding a semicolon is quoted; our own numbers are left alone.
 */
function csv(header: string[], rows: (string | number | boolean | null)[][]): string {
  return [header, ...rows].map(csvLine).join('');
}

export function painCsv(batch: EpisodeBatch, timeZone: string): string {
  return csv(
    ['recorded_at_utc', 'recorded_local', 'pain_0_to_10', 'worst_24h_0_to_10', 'where', 'below_knee', 'note'],
    batch.pain.map((entry) => [
      entry.recordedAt.toISOString(),
      formatDateTime(entry.recordedAt, timeZone),
      entry.score,
      entry.worst24h,
      entry.locations.join('; '),
      entry.belowKnee,
      entry.note,
    ]),
  );
}

/** A message of the patient's conversations with their care team, for their own download. */
export type MessageSource = { sentAt: Date; authorName: string; fromPatient: boolean; kind: string; body: string };

export function messagesCsv(messages: MessageSource[], timeZone: string): string {
  return csv(
    ['sent_at_utc', 'sent_local', 'from', 'kind', 'text'],
    messages.map((message) => [
      message.sentAt.toISOString(),
      formatDateTime(message.sentAt, timeZone),
      message.fromPatient ? 'you' : message.authorName,
      message.kind === 'visit-request' ? 'asked to move a visit' : 'message',
      message.body,
    ]),
  );
}

/** A visit of the patient's, for their own download. */
export type AppointmentSource = {
  startsAt: Date;
  endsAt: Date;
  kind: string;
  clinicianName: string;
  location: string | null;
  status: string;
  attendance: string | null;
};

export function appointmentsCsv(visits: AppointmentSource[], timeZone: string): string {
  return csv(
    ['starts_at_utc', 'ends_at_utc', 'starts_local', 'how', 'with', 'place', 'status', 'attendance'],
    visits.map((visit) => [
      visit.startsAt.toISOString(),
      visit.endsAt.toISOString(),
      formatDateTime(visit.startsAt, timeZone),
      visit.kind,
      visit.clinicianName,
      visit.location ?? '',
      visit.status,
      visit.attendance ?? '',
    ]),
  );
}

export function exerciseLogCsv(logs: ExerciseLogSource[]): string {
  return csv(
    ['logged_at_utc', 'day', 'exercise', 'status', 'sets_done', 'difficulty_0_to_10', 'pain_during_0_to_10', 'reason_skipped'],
    logs.map((log) => [log.loggedAt.toISOString(), log.localDay, log.exerciseName, log.status, log.setsDone, log.difficulty, log.painDuring, log.skipReason]),
  );
}

export function questionnaireCsv(batch: EpisodeBatch, timeZone: string): string {
  return csv(
    ['completed_at_utc', 'completed_local', 'questionnaire', 'score', 'band', 'psychosocial_subscore'],
    batch.responses.map((response) => [
      response.completedAt.toISOString(),
      formatDateTime(response.completedAt, timeZone),
      INSTRUMENT_TITLES[response.instrument],
      response.score,
      response.band,
      response.subscore,
    ]),
  );
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

type SummaryInput = { clinic: ClinicSource; patient: PersonSource; practitioners: PersonSource[]; batch: EpisodeBatch; generatedAt: Date; timeZone: string };

function table(caption: string, header: string[], rows: string[][]): string {
  if (rows.length === 0) return `<h3>${escapeHtml(caption)}</h3><p>None recorded.</p>`;
  const head = header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.75rem}h2{font-size:1.35rem;margin-top:2rem;border-bottom:1px solid #cbd5e1}h3{font-size:1.1rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #cbd5e1;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
@media (max-width:40rem){body{margin:1rem auto}table{font-size:.8rem}th,td{padding:.25rem .3rem}}th{background:#f1f5f9}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}`;

/** A self-contained page (no scripts, no outside files) the patient can open offline and print. */
export function summaryHtml(input: SummaryInput): string {
  const { batch, timeZone } = input;
  const names = new Map(input.practitioners.map((person) => [person.id, person.name]));
  const sections = batch.episodes.map((episode) => {
    const plan = batch.plans.find((candidate) => candidate.episodeId === episode.id);
    const goals = batch.goals.filter((goal) => goal.episodeId === episode.id);
    const pain = batch.pain.filter((entry) => entry.episodeId === episode.id);
    const responses = batch.responses.filter((response) => response.episodeId === episode.id);
    const measures = batch.measurements.filter((measurement) => measurement.episodeId === episode.id);
    const flags = batch.redFlags.filter((flag) => flag.episodeId === episode.id);
    const period = `${formatDate(episode.startedAt, timeZone)} to ${episode.dischargedAt ? formatDate(episode.dischargedAt, timeZone) : 'now'}`;
    return `<section>
<h2>${escapeHtml(episode.condition)}: ${escapeHtml(period)}</h2>
<p>Physiotherapist: ${escapeHtml(names.get(episode.clinicianId) ?? 'not recorded')}. Status: ${episode.status === 'active' ? 'in care' : 'discharged'}. Pain when you started: ${episode.intakeNprs} out of 10.</p>
${table(
  plan ? `Exercise plan (version ${plan.version})` : 'Exercise plan',
  ['Exercise', 'How much', 'Safety'],
  (plan?.items ?? []).map((item) => [item.exerciseName, formatDosage(item), item.safetyNote]),
)}
${table('Goals', ['Goal', 'Target date', 'Status'], goals.map((goal) => [goal.description, goal.targetDate ? formatDate(goal.targetDate, timeZone) : '', goal.status.replace('-', ' ')]))}
${table(
  'Questionnaires',
  ['Completed', 'Questionnaire', 'Score', 'Band'],
  responses.map((response) => [formatDateTime(response.completedAt, timeZone), INSTRUMENT_TITLES[response.instrument], response.score === null ? '' : String(roundHalfUp1(response.score)), response.band ?? '']),
)}
${table(
  'Measurements by your physiotherapist',
  ['Measured', 'Movement', 'Value'],
  measures.map((measurement) => [
    formatDateTime(measurement.measuredAt, timeZone),
    isMeasureCode(measurement.code) ? ROM_MEASURES[measurement.code].label : measurement.code,
    `${measurement.value} ${measurement.unit === 'deg' ? 'degrees' : measurement.unit}`,
  ]),
)}
${table('Warning signs you reported', ['Reported', 'What', 'Seen by your physiotherapist'], flags.map((flag) => [formatDateTime(flag.raisedAt, timeZone), flag.message, flag.acknowledgedAt ? formatDateTime(flag.acknowledgedAt, timeZone) : 'Not yet']))}
${table(`Pain diary (${pain.length} entries, 0 = no pain, 10 = worst imaginable)`, ['Recorded', 'Pain', 'Worst in 24 hours', 'Note'], pain.map((entry) => [formatDateTime(entry.recordedAt, timeZone), String(entry.score), entry.worst24h === null ? '' : String(entry.worst24h), entry.note ?? '']))}
</section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your data from ${escapeHtml(input.clinic.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Your data from ${escapeHtml(input.clinic.name)}</h1>
<p>${escapeHtml(input.patient.name)}${input.patient.dateOfBirth ? `, born ${escapeHtml(formatDate(input.patient.dateOfBirth, timeZone))}` : ''}. Made on ${escapeHtml(formatDateTime(input.generatedAt, timeZone))}.</p>
<p>This is a copy of what Uplift holds about your care. The same information is in the other files: <code>record.fhir.json</code> (the FHIR R4 standard other health systems read) and the CSV tables, which open in a spreadsheet. Pain scores use the ${escapeHtml(CODES.nprs.display)} scale.</p>
${sections.length > 0 ? sections.join('\n') : '<p>There is no episode of care on your record yet.</p>'}
</main>
</body>
</html>
`;
}
