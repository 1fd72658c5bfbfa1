import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import type { Bundle, CarePlan, Condition, Flag, Observation, QuestionnaireResponse, Resource, RiskAssessment } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createUser, daysAgo, insertExerciseRow, insertOneExercisePlan, insertPainEntryRow, signInAs } from '@/db/factories';
import { auditEvents, goals, measurements, painEntries, planItems, questionnaireResponses } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import type { Db } from '@/db/connection';
import { scoreOdi } from '@/lib/clinical/odi';
import { scoreStartBack } from '@/lib/clinical/startback';
import { isAppError } from '@/lib/errors';
import { validationErrorsOfAll } from '@/lib/fhir/testing/validator';
import { raiseAlert } from './internal/alert-engine';
import { DATA_EXPORT_THRESHOLD, exportMyData, getEpisodeFhirBundle } from './data-export';
import { bookVisit } from './appointments';
import { sendClinicianMessage, sendPatientMessage } from './messages';

const db = setupTestDatabase();

const ODI_SECTIONS = [2, 3, 1, null, 2, 2, 1, 0, 3, 2];
const STARTBACK = { agree: [true, false, true, true, false, true, false, false], bothersome: 'Very much' as const };

async function addResponse(database: Db, episodeId: string, instrument: 'ODI' | 'STARTBACK' | 'PSFS' | 'RMDQ', answers: Record<string, unknown>, score: number, band: string | null, completedAt: Date, subscore: number | null = null) {
  await database.insert(questionnaireResponses).values({ episodeId, instrument, status: 'completed', answers, score, band, subscore, startedAt: completedAt, completedAt, submissionId: randomUUID() });
}

/** A care team whose episode has every kind of record the Bundle maps. */
async function fullRecord() {
  const team = await createCareTeam(db());
  const { clinic, clinician, episode } = team;
  const exercise = await insertExerciseRow(db(), clinic.id, 'Knee to chest');
  const { planId } = await insertOneExercisePlan(db(), { episodeId: episode.id, clinicianId: clinician.id, exerciseId: exercise.id, createdAt: daysAgo(20) });
  const second = await insertExerciseRow(db(), clinic.id, 'Bridge');
  await db().insert(planItems).values({ planId, exerciseId: second.id, position: 1, sets: 3, reps: 8, holdSeconds: 5, timesPerDay: 2, daysPerWeek: 5, perSide: true });
  const pain = await insertPainEntryRow(db(), episode.id, 6, daysAgo(10));
  await db().update(painEntries).set({ note: '=HYPERLINK("http://evil.example")', worst24h: 8, locations: ['lower-back'] }).where(eq(painEntries.id, pain.id));
  await insertPainEntryRow(db(), episode.id, 4, daysAgo(2));
  await db().insert(measurements).values({ episodeId: episode.id, clinicianId: clinician.id, code: 'lumbar-flexion', value: 45, unit: 'deg', method: 'dual-inclinometer', measuredAt: daysAgo(9) });
  await db().insert(measurements).values({ episodeId: episode.id, clinicianId: clinician.id, code: 'modified-schober', value: 19.5, unit: 'cm', measuredAt: daysAgo(9) });
  await db().insert(goals).values({ episodeId: episode.id, description: 'Bend to tie shoes', measureCode: 'lumbar-flexion', targetValue: 60, targetDate: '2027-02-01', createdBy: clinician.id });
  await addResponse(db(), episode.id, 'ODI', { sections: ODI_SECTIONS }, scoreOdi(ODI_SECTIONS).score!, 'moderate', daysAgo(15));
  const startBack = scoreStartBack(STARTBACK.agree, STARTBACK.bothersome);
  await addResponse(db(), episode.id, 'STARTBACK', STARTBACK, startBack.total, startBack.risk, daysAgo(15), startBack.psychosocial);
  await addResponse(db(), episode.id, 'PSFS', { activities: [{ name: 'Gardening', rating: 3 }, { name: 'Driving', rating: 5 }, { name: 'Lifting', rating: 4 }] }, 4, null, daysAgo(14));
  await addResponse(db(), episode.id, 'RMDQ', { ticked: Array.from({ length: 24 }, (_, i) => i % 3 === 0) }, 8, null, daysAgo(14));
  await raiseAlert(db(), { episodeId: episode.id, reason: 'red-flag', urgency: 'emergency', message: 'Saddle numbness reported.', detail: { positives: ['saddle-numbness'] }, raisedAt: daysAgo(1) });
  return team;
}

const ofType = <T extends Resource>(bundle: Bundle, type: T['resourceType']) => (bundle.entry ?? []).map((entry) => entry.resource!).filter((resource): resource is T => resource.resourceType === type);

describe('getEpisodeFhirBundle', () => {
  it('maps every part of the episode to valid FHIR R4 and audits the download', async () => {
    const { clinician, episode, patient, clinic } = await fullRecord();
    await signInAs(db(), clinician.id);
    const download = (await getEpisodeFhirBundle(episode.id))!;
    const bundle = download.bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });

    const counts = Object.fromEntries(
      ['Organization', 'Patient', 'Practitioner', 'PractitionerRole', 'EpisodeOfCare', 'Condition', 'CarePlan', 'Goal', 'Observation', 'Questionnaire', 'QuestionnaireResponse', 'RiskAssessment', 'Flag'].map((type) => [type, ofType(bundle, type as Resource['resourceType']).length]),
    );
    // Observations: 2 pain + 2 measurements + 4 questionnaire totals.
    expect(counts).toEqual({ Organization: 1, Patient: 1, Practitioner: 1, PractitionerRole: 1, EpisodeOfCare: 1, Condition: 1, CarePlan: 1, Goal: 1, Observation: 8, Questionnaire: 4, QuestionnaireResponse: 4, RiskAssessment: 1, Flag: 1 });

    expect(validationErrorsOfAll([bundle, ...bundle.entry!.map((entry) => entry.resource!)])).toEqual([]);

    const [condition] = ofType<Condition>(bundle, 'Condition');
    expect(condition!.code!.coding).toEqual([{ system: 'http://snomed.info/sct', code: '279039007', display: 'Low back pain' }]);
    expect(condition!.bodySite![0]!.coding![0]).toMatchObject({ system: 'http://snomed.info/sct', code: '122496007' });
    expect(condition!.subject.reference).toBe(`Patient/${patient.id}`);

    const [plan] = ofType<CarePlan>(bundle, 'CarePlan');
    expect(plan!.activity!.map((activity) => activity.detail!.code!.text)).toEqual(['Knee to chest', 'Bridge']);
    const bridge = plan!.activity![1]!.detail!;
    expect(bridge.scheduledTiming!.repeat).toMatchObject({ frequency: 10, period: 1, periodUnit: 'wk' });
    expect(bridge.extension![0]!.extension).toEqual([
      { url: 'sets', valueInteger: 3 },
      { url: 'repetitions', valueInteger: 8 },
      { url: 'hold', valueQuantity: { value: 5, unit: 's', system: 'http://unitsofmeasure.org', code: 's' } },
      { url: 'each-side', valueBoolean: true },
    ]);
    expect(bridge.description).toContain('3 sets of 8 each side');

    const observations = ofType<Observation>(bundle, 'Observation');
    const pain = observations.filter((observation) => observation.code.coding?.[0]?.code === '72514-3');
    expect(pain).toHaveLength(2);
    expect(pain[0]!.category![0]!.coding![0]!.code).toBe('survey');
    expect(pain.map((observation) => observation.valueQuantity!.value)).toEqual([6, 4]);
    const flexion = observations.find((observation) => observation.code.coding?.[0]?.code === 'lumbar-flexion-rom')!;
    expect(flexion).toMatchObject({ category: [{ coding: [{ code: 'exam' }] }], valueQuantity: { value: 45, code: 'deg' } });
    expect(flexion.code.coding![0]!.system).toBe('https://uplift.example/fhir/CodeSystem/measures');
    const odi = observations.find((observation) => observation.code.coding?.[0]?.code === '97909-6')!;
    expect(odi.code.coding![0]).toMatchObject({ userSelected: false });
    expect(odi.code.coding![0]!.display).toContain('not verified');
    expect(odi.valueQuantity).toMatchObject({ value: scoreOdi(ODI_SECTIONS).score, code: '%' });
    expect(observations.find((observation) => observation.code.coding?.[0]?.code === '91351-7')!.valueQuantity!.value).toBe(scoreStartBack(STARTBACK.agree, STARTBACK.bothersome).total);

    const responses = ofType<QuestionnaireResponse>(bundle, 'QuestionnaireResponse');
    const odiResponse = responses.find((response) => response.questionnaire!.endsWith('/odi'))!;
    // The skipped section is left out; every other answer keeps its score as the code.
    expect(odiResponse.item!.map((item) => item.answer![0]!.valueCoding!.code)).toEqual(['2', '3', '1', '2', '2', '1', '0', '3', '2']);
    const psfs = responses.find((response) => response.questionnaire!.endsWith('/psfs'))!;
    expect(psfs.item).toHaveLength(3);
    expect(psfs.item![0]!.item![0]!.answer![0]!.valueString).toBe('Gardening');

    const [risk] = ofType<RiskAssessment>(bundle, 'RiskAssessment');
    expect(risk!.prediction![0]!.qualitativeRisk!.coding![0]!.code).toBe('moderate');
    const [flag] = ofType<Flag>(bundle, 'Flag');
    expect(flag).toMatchObject({ status: 'active', code: { text: 'Red flag: Saddle numbness' } });

    // Every reference in the Bundle points at a resource in it.
    const present = new Set(bundle.entry!.map((entry) => `${entry.resource!.resourceType}/${entry.resource!.id}`));
    const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    expect(references.map((text) => text.slice(13, -1)).filter((reference) => !present.has(reference))).toEqual([]);

    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.actorId, clinician.id), eq(auditEvents.action, 'clinician.fhir-export')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ outcome: 'success', patientId: patient.id, clinicId: clinic.id, resourceId: episode.id });
  });

  it('cannot: another clinician gets nothing and the refusal is audited; other roles are forbidden', async () => {
    const { clinic, episode, patient, manager } = await fullRecord();
    const other = await createUser(db(), clinic.id, 'clinician');
    await signInAs(db(), other.id);
    expect(await getEpisodeFhirBundle(episode.id)).toBeNull();
    const refused = await db().select().from(auditEvents).where(and(eq(auditEvents.actorId, other.id), eq(auditEvents.action, 'clinician.fhir-export')));
    expect(refused).toMatchObject([{ outcome: 'denied', resourceId: episode.id }]);
    expect(await getEpisodeFhirBundle('not-a-uuid')).toBeNull();

    for (const userId of [patient.id, manager.id]) {
      await signInAs(db(), userId);
      await expect(getEpisodeFhirBundle(episode.id)).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    }
    await signInAs(db(), null);
    await expect(getEpisodeFhirBundle(episode.id)).rejects.toSatisfy((error) => isAppError(error, 'unauthenticated'));
  });
});

function unzip(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('exportMyData', () => {
  it('gives the patient their own record as FHIR, a printable summary and defused CSV tables, audited', async () => {
    const { patient, episode, clinician } = await fullRecord();
    const stranger = await fullRecord();
    await signInAs(db(), patient.id);
    await sendPatientMessage(episode.id, { submissionId: randomUUID(), body: '=1+1 is my pain, roughly' });
    await signInAs(db(), clinician.id);
    await sendClinicianMessage(episode.id, { submissionId: randomUUID(), body: 'Thanks, keep going.' });
    await bookVisit(episode.id, { submissionId: randomUUID(), kind: 'in-person', day: '2027-07-14', time: '10:00', minutes: 30, location: 'Room 2', videoUrl: '' });
    await signInAs(db(), stranger.patient.id);
    await sendPatientMessage(stranger.episode.id, { submissionId: randomUUID(), body: 'Someone else’s message' });
    await signInAs(db(), patient.id);
    const result = await exportMyData();
    if (!result.ok) throw new Error('expected a download');
    const files = unzip(result.zip);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'appointments.csv', 'exercise-log.csv', 'messages.csv', 'pain-diary.csv', 'questionnaire-scores.csv', 'record.fhir.json', 'summary.html']);
    const visitRows = files['appointments.csv']!.trim().split('\r\n');
    expect(visitRows[0]).toBe('starts_at_utc,ends_at_utc,starts_local,how,with,place,status,attendance');
    expect(visitRows).toHaveLength(2);
    expect(visitRows[1]).toContain(`2027-07-14T09:00:00.000Z,2027-07-14T09:30:00.000Z,`);
    expect(visitRows[1]).toContain(`,in-person,${clinician.name},Room 2,booked,`);
    const messageRows = files['messages.csv']!.trim().split('\r\n');
    expect(messageRows[0]).toBe('sent_at_utc,sent_local,from,kind,text');
    expect(messageRows).toHaveLength(3);
    // The formula-shaped text is defused like the diary's notes; the other patient's conversation is not there.
    expect(messageRows[1]).toContain(`,you,message,"'=1+1 is my pain, roughly"`);
    expect(messageRows[2]).toContain(`,${clinician.name},message,"Thanks, keep going."`);
    expect(files['messages.csv']).not.toContain('Someone else');

    const bundle = JSON.parse(files['record.fhir.json']!) as Bundle;
    expect(validationErrorsOfAll([bundle, ...bundle.entry!.map((entry) => entry.resource!)])).toEqual([]);
    expect(ofType(bundle, 'Patient').map((resource) => resource.id)).toEqual([patient.id]);
    expect(files['record.fhir.json']).not.toContain(stranger.patient.id);
    expect(files['record.fhir.json']).not.toContain(stranger.episode.id);

    const painRows = files['pain-diary.csv']!.trim().split('\r\n');
    expect(painRows[0]).toBe('recorded_at_utc,recorded_local,pain_0_to_10,worst_24h_0_to_10,where,below_knee,note');
    expect(painRows).toHaveLength(3);
    // The formula-shaped note is defused with a leading apostrophe, so a spreadsheet shows it as text.
    expect(painRows[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(files['questionnaire-scores.csv']!.trim().split('\r\n')).toHaveLength(5);
    expect(files['exercise-log.csv']!.split('\r\n')[0]).toContain('exercise,status');

    expect(files['summary.html']).toContain('<title>Your data from');
    expect(files['summary.html']).toContain('Knee to chest');
    // Text from the record is escaped, never markup.
    expect(files['summary.html']).toContain('=HYPERLINK(&quot;http://evil.example&quot;)');

    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.actorId, patient.id), eq(auditEvents.action, 'patient.data-export')));
    expect(audits).toMatchObject([{ outcome: 'success', patientId: patient.id }]);
  });

  it('is rate-limited, and the refusal is audited', async () => {
    const { patient } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    for (let i = 0; i < DATA_EXPORT_THRESHOLD; i += 1) expect((await exportMyData()).ok).toBe(true);
    const refused = await exportMyData();
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfter.getTime()).toBeGreaterThan(Date.now());
    const audits = await db().select({ outcome: auditEvents.outcome }).from(auditEvents).where(and(eq(auditEvents.actorId, patient.id), eq(auditEvents.action, 'patient.data-export')));
    expect(audits.map((row) => row.outcome).sort()).toEqual(['denied', 'success', 'success', 'success']);
  });

  it('cannot: staff cannot use the patient download, and nobody without a session', async () => {
    const { clinician, manager } = await createCareTeam(db());
    for (const userId of [clinician.id, manager.id]) {
      await signInAs(db(), userId);
      await expect(exportMyData()).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    }
    await signInAs(db(), null);
    await expect(exportMyData()).rejects.toSatisfy((error) => isAppError(error, 'unauthenticated'));
  });
});
