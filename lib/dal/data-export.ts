import 'server-only';
import { zipSync, strToU8 } from 'fflate';
import type { Bundle } from '@medplum/fhirtypes';
import { getDb } from '@/db/client';
import { delayedUntil, reserveAttempt, type ThrottleKey } from '@/lib/auth/throttle';
import { recordDenied, requireRole } from '@/lib/auth/viewer';
import { appointmentsCsv, exerciseLogCsv, messagesCsv, painCsv, questionnaireCsv, summaryHtml } from '@/lib/fhir/patient-files';
import { recordAudit } from '@/lib/audit/record';
import { auditBase, getOwnEpisode } from './internal/clinician-access';
import { readAppointments, readExerciseLogs, readMessages, readPatientBundle } from './internal/data-export-source';
import { recordViewerAction } from './internal/viewer-action';

/**
 * A patient may download their data a few times in an hour, then waits: each download is an attempt on
 * the throttle (lib/auth/throttle.ts) under its own key, and from the threshold on the next one must wait
 * 1, 2, 4… minutes (at most 15). Building the files costs the server seconds, so an unlimited button would
 * be a way to load it.
 */
export const DATA_EXPORT_THRESHOLD = 3;
const dataExportKey = (userId: string): ThrottleKey => ({ key: `data-export:${userId}`, threshold: DATA_EXPORT_THRESHOLD });

export type FhirDownload = { bundle: Bundle; filename: string };

/**
 * Clinician: the FHIR R4 Bundle of an episode in their own caseload, audited. Another clinician's
 * patient or an unknown id: null, with the refusal audited. Other roles: AppError('forbidden').
 */
export async function getEpisodeFhirBundle(episodeId: unknown): Promise<FhirDownload | null> {
  const access = await getOwnEpisode(episodeId, 'clinician.fhir-export');
  if (!access) return null;
  const generatedAt = new Date();
  const { bundle } = await readPatientBundle(getDb(), access.episode.patientId, access.viewer.clinicId, [access.episode.id], generatedAt);
  await recordAudit(getDb(), {
    ...auditBase(access),
    action: 'clinician.fhir-export',
    outcome: 'success',
    resourceType: 'episode',
    resourceId: access.episode.id,
    detail: { resources: bundle.entry?.length ?? 0 },
  });
  return { bundle, filename: `uplift-record-${access.episode.id}.fhir.json` };
}

export type MyDataDownload = { ok: true; zip: Uint8Array; filename: string } | { ok: false; retryAfter: Date };

/**
 * Patient: a zip of everything Uplift holds about their own care (all their episodes): the FHIR Bundle,
 * a printable HTML summary and CSV tables (their messages with the care team among them). Scoped to the signed-in patient only (no id is taken from the
 * request). Rate-limited; a refusal is audited. Other roles: AppError('forbidden').
 */
export async function exportMyData(): Promise<MyDataDownload> {
  const viewer = await requireRole('patient');
  const db = getDb();
  const key = dataExportKey(viewer.userId);
  const now = new Date();
  if (!(await reserveAttempt(db, [key], now))) {
    await recordDenied(viewer, 'patient.data-export');
    return { ok: false, retryAfter: (await delayedUntil(db, [key], now)) ?? new Date(now.getTime() + 60_000) };
  }
  const { input, bundle } = await readPatientBundle(db, viewer.userId, viewer.clinicId, null, now);
  const episodeIds = input.batch.episodes.map((episode) => episode.id);
  const [logs, messages, visits] = await Promise.all([readExerciseLogs(db, episodeIds), readMessages(db, episodeIds), readAppointments(db, episodeIds)]);
  const day = now.toISOString().slice(0, 10);
  const zip = zipSync({
    'README.txt': strToU8(README),
    'summary.html': strToU8(summaryHtml({ ...input, timeZone: viewer.timeZone })),
    'record.fhir.json': strToU8(JSON.stringify(bundle, null, 2)),
    'pain-diary.csv': strToU8(painCsv(input.batch, viewer.timeZone)),
    'exercise-log.csv': strToU8(exerciseLogCsv(logs)),
    'questionnaire-scores.csv': strToU8(questionnaireCsv(input.batch, viewer.timeZone)),
    'messages.csv': strToU8(messagesCsv(messages, viewer.timeZone)),
    'appointments.csv': strToU8(appointmentsCsv(visits, viewer.timeZone)),
  });
  await recordViewerAction(db, viewer, { action: 'patient.data-export', patientId: viewer.userId, detail: { resources: bundle.entry?.length ?? 0 } });
  return { ok: true, zip, filename: `uplift-my-data-${day}.zip` };
}

const README = `Your data from Uplift

summary.html              Open in a web browser to read or print.
record.fhir.json          Your record in FHIR R4, the standard format health systems exchange.
pain-diary.csv            Every pain entry you made (opens in a spreadsheet).
exercise-log.csv          Every exercise you marked done, partly done or skipped.
questionnaire-scores.csv  The scores of the questionnaires you completed.
messages.csv              Your messages with your care team, and their replies.
appointments.csv          Your visits: when, how, with whom, and whether you came.

Times ending in _utc are in Coordinated Universal Time; the others are in your own time zone.
`;
