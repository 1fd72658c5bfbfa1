import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createUser, daysAgo, insertCompletedQuestionnaireRow, insertExerciseLogRow, insertExerciseRow, insertOneExercisePlan, insertPainEntryRow, signInAs } from '@/db/factories';
import { alerts, auditEvents, episodes, measurements, notes } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { dischargeEpisode, getOutcomeSummary } from './discharge';
import { createGoal, updateGoalStatus } from './goals';
import { correctMeasurement, createMeasurements, deleteMeasurement, listMeasurementHistory } from './measurements';
import { createNote, getGoalsAndNotes } from './notes';
import { getPatientRecord, getRecordHeader, getRecordTimeline, getRecordTrends } from './patient-record';
import { raiseAlert } from './internal/alert-engine';

const db = setupTestDatabase();

async function readsBy(actorId: string, action: string) {
  return db().select().from(auditEvents).where(and(eq(auditEvents.actorId, actorId), eq(auditEvents.action, action)));
}

describe('getPatientRecord', () => {
  it('returns the header, trends and timeline, with one audit row per view', async () => {
    const { clinician, episode, patient } = await createCareTeam(db());
    await insertPainEntryRow(db(), episode.id, 6, daysAgo(2));
    await insertPainEntryRow(db(), episode.id, 4, daysAgo(1));
    await insertCompletedQuestionnaireRow(db(), episode.id, 'ODI', 40, daysAgo(20), 'moderate');
    await insertCompletedQuestionnaireRow(db(), episode.id, 'ODI', 28, daysAgo(1), 'moderate');
    await insertCompletedQuestionnaireRow(db(), episode.id, 'STARTBACK', 5, daysAgo(20), 'high');
    await signInAs(db(), clinician.id);
    const record = await getPatientRecord(episode.id);
    expect(record!.header).toMatchObject({ patientName: patient.name, startbackRisk: 'high', intakeNprs: 6, openAlerts: [], accountActivated: true });
    expect(record!.pain.map((day) => [day.score, day.average])).toEqual([[6, 6], [4, 5]]);
    expect(record!.odi).toMatchObject({ baseline: 40, mcidLevel: 30 });
    expect(record!.timeline.map((event) => event.kind)).toContain('questionnaire');
    const audits = await readsBy(clinician.id, 'clinician.record.read');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ patientId: patient.id, resourceId: episode.id, outcome: 'success' });
  });

  it('brings open alerts in inbox order, weekly adherence against the plan, and a newest-first timeline', async () => {
    const { clinic, clinician, episode, patient } = await createCareTeam(db());
    await db().update(episodes).set({ startedAt: daysAgo(21) }).where(eq(episodes.id, episode.id));
    const exercise = await insertExerciseRow(db(), clinic.id, 'Bird dog');
    const { planItemId } = await insertOneExercisePlan(db(), { episodeId: episode.id, clinicianId: clinician.id, exerciseId: exercise.id, createdAt: daysAgo(30) });
    for (const days of [20, 19, 18, 17, 16]) await insertExerciseLogRow(db(), episode.id, planItemId, daysAgo(days));
    await insertExerciseLogRow(db(), episode.id, planItemId, daysAgo(15), 'skipped');
    await raiseAlert(db(), { episodeId: episode.id, reason: 'inactive', urgency: 'routine', message: 'Quiet.', raisedAt: daysAgo(3) });
    await raiseAlert(db(), { episodeId: episode.id, reason: 'worsening', urgency: 'same-day', message: 'Worse.', raisedAt: daysAgo(4) });
    await db().update(alerts).set({ resolvedAt: daysAgo(2) }).where(eq(alerts.message, 'Worse.'));
    await raiseAlert(db(), { episodeId: episode.id, reason: 'red-flag', urgency: '24h', message: 'Night pain.', detail: { positives: ['night-pain'] }, raisedAt: daysAgo(1) });
    await signInAs(db(), clinician.id);
    const record = (await getPatientRecord(episode.id))!;

    expect(record.header.openAlerts.map((alert) => [alert.reason, alert.urgency, alert.message])).toEqual([
      ['red-flag', '24h', 'Night pain.'],
      ['inactive', 'routine', 'Quiet.'],
    ]);
    expect(record.header.openAlerts[0]).toMatchObject({ episodeId: episode.id, patientId: patient.id, patientName: patient.name, detail: { positives: ['night-pain'] }, acknowledgedAt: null });
    expect(record.header.openAlerts[0]!.raisedAt).toBeInstanceOf(Date);
    expect(Math.abs(record.header.openAlerts[0]!.raisedAt.getTime() - daysAgo(1).getTime())).toBeLessThan(60_000);

    expect(record.adherence).toHaveLength(3);
    expect(record.adherence[0]).toMatchObject({ week: 1, logged: 5, prescribed: 7, percent: 71 });
    expect(record.adherence[1]).toMatchObject({ week: 2, logged: 0, prescribed: 7, percent: 0 });

    const times = record.timeline.map((event) => event.at.getTime());
    expect(record.timeline.every((event) => event.at instanceof Date)).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(record.timeline[0]).toMatchObject({ kind: 'alert', title: 'Alert: red flag', detail: 'Night pain.' });
    expect(record.timeline.map((event) => event.title)).toEqual(expect.arrayContaining(['Skipped Bird dog (pain)', 'Did Bird dog', 'Plan version 1 saved', 'Alert: worsening']));
    expect(record.timeline.filter((event) => event.kind === 'exercise')).toHaveLength(6);
  });

  it('is null for another clinician and for a malformed id, and the refusal is audited', async () => {
    const { clinic, episode } = await createCareTeam(db());
    const other = await createUser(db(), clinic.id, 'clinician');
    await signInAs(db(), other.id);
    expect(await getPatientRecord(episode.id)).toBeNull();
    expect(await getPatientRecord('../../etc')).toBeNull();
    expect(await readsBy(other.id, 'clinician.record.read')).toEqual([expect.objectContaining({ outcome: 'denied' })]);
  });

  it('serves the page’s three streamed panels with the same content as the whole record, each refusing anyone else', async () => {
    const { clinic, clinician, episode } = await createCareTeam(db());
    await insertPainEntryRow(db(), episode.id, 5, daysAgo(3));
    await insertCompletedQuestionnaireRow(db(), episode.id, 'ODI', 36, daysAgo(3), 'moderate');
    await signInAs(db(), clinician.id);
    const now = new Date();
    const whole = (await getPatientRecord(episode.id, now))!;
    const [header, trends, timeline] = [await getRecordHeader(episode.id, null, now), await getRecordTrends(episode.id, null, now), await getRecordTimeline(episode.id)];
    expect({ header, ...trends!, timeline }).toEqual(whole);

    const other = await createUser(db(), clinic.id, 'clinician');
    await signInAs(db(), other.id);
    expect([await getRecordHeader(episode.id), await getRecordTrends(episode.id), await getRecordTimeline(episode.id)]).toEqual([null, null, null]);
    expect((await readsBy(other.id, 'clinician.record.read')).map((row) => row.outcome)).toEqual(['denied', 'denied', 'denied']);
  });

  it('refuses managers and patients (even their own record, through the clinician DAL)', async () => {
    const { manager, patient, episode } = await createCareTeam(db());
    for (const user of [manager, patient]) {
      await signInAs(db(), user.id);
      await expect(getPatientRecord(episode.id)).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    }
  });
});

describe('measurements', () => {
  it('records a set, corrects one value keeping the original, deletes one keeping who and when', async () => {
    const { clinician, episode } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    const measuredAt = daysAgo(1);
    expect(
      await createMeasurements(episode.id, { submissionId: randomUUID(),
        measuredAt,
        values: [
          { code: 'lumbar-flexion', value: 45, method: 'dual-inclinometer' },
          { code: 'modified-schober', value: 19.5, method: null },
        ],
      }),
    ).toBe('created');
    const [flexion] = await db().select().from(measurements).where(and(eq(measurements.episodeId, episode.id), eq(measurements.code, 'lumbar-flexion')));
    expect(await correctMeasurement(episode.id, flexion!.id, { value: 150, method: null, confirmWarnings: true })).toEqual({ error: 'Flexion must be between 0° and 120°.' });
    expect(await correctMeasurement(episode.id, flexion!.id, { value: 95, method: null, confirmWarnings: false })).toMatchObject({ warning: expect.stringContaining('double-check') });
    expect(await correctMeasurement(episode.id, flexion!.id, { value: 50, method: null, confirmWarnings: false })).toBe('corrected');
    expect(await correctMeasurement(episode.id, flexion!.id, { value: 52, method: null, confirmWarnings: false })).toBe('not-found');
    const [schober] = await db().select().from(measurements).where(and(eq(measurements.episodeId, episode.id), eq(measurements.code, 'modified-schober')));
    expect(await deleteMeasurement(episode.id, schober!.id)).toBe('deleted');
    expect(await deleteMeasurement(episode.id, schober!.id)).toBe('not-found');

    const history = await listMeasurementHistory(episode.id);
    const rows = history!.rows;
    expect(rows).toHaveLength(3);
    const original = rows.find((row) => row.id === flexion!.id)!;
    const correction = rows.find((row) => row.supersedesId === flexion!.id)!;
    expect(original.supersededAt).toBeInstanceOf(Date);
    expect(correction).toMatchObject({ value: 50, method: 'dual-inclinometer', supersededAt: null });
    expect(correction.measuredAt.getTime()).toBe(measuredAt.getTime());
    expect(rows.find((row) => row.id === schober!.id)).toMatchObject({ deletedByName: clinician.name });
    const record = await getPatientRecord(episode.id);
    expect(record!.rom['lumbar-flexion'].map((point) => point.value)).toEqual([50]);
    expect(record!.rom['modified-schober']).toEqual([]);
  });

  it('refuses another clinician for every measurement action and writes nothing', async () => {
    const { clinic, clinician, episode } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    await createMeasurements(episode.id, { submissionId: randomUUID(), measuredAt: daysAgo(1), values: [{ code: 'lumbar-extension', value: 20, method: 'goniometer' }] });
    const [row] = await db().select().from(measurements).where(eq(measurements.episodeId, episode.id));
    const other = await createUser(db(), clinic.id, 'clinician');
    await signInAs(db(), other.id);
    expect(await createMeasurements(episode.id, { submissionId: randomUUID(), measuredAt: new Date(), values: [{ code: 'lumbar-extension', value: 10, method: 'goniometer' }] })).toBe('not-found');
    expect(await correctMeasurement(episode.id, row!.id, { value: 10, method: null, confirmWarnings: false })).toBe('not-found');
    expect(await deleteMeasurement(episode.id, row!.id)).toBe('not-found');
    expect(await listMeasurementHistory(episode.id)).toBeNull();
    const after = await db().select().from(measurements).where(eq(measurements.episodeId, episode.id));
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ value: 20, supersededAt: null, deletedAt: null });
  });
});

describe('goals and notes', () => {
  it('adds goals, changes status, and amends a note without changing the original', async () => {
    const { clinician, episode } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    expect(await createGoal(episode.id, { submissionId: randomUUID(), description: 'Walk the dog for 30 minutes' })).toBe('created');
    expect(await createGoal(episode.id, { submissionId: randomUUID(), description: 'Bend forward to 60°', measureCode: 'lumbar-flexion', targetValue: 60, targetDate: '2027-01-31' })).toBe('created');
    expect(await createNote(episode.id, { submissionId: randomUUID(), subjective: 'Sore after gardening.', objective: '', assessment: 'Flare.', plan: 'Review.' })).toBe('created');
    let data = await getGoalsAndNotes(episode.id);
    expect(data!.goals.map((goal) => [goal.measureCode, goal.targetValue, goal.targetDate])).toEqual([[null, null, null], ['lumbar-flexion', 60, '2027-01-31']]);
    expect(await updateGoalStatus(episode.id, data!.goals[0]!.id, 'achieved')).toBe('updated');
    const original = data!.notes[0]!;
    expect(await createNote(episode.id, { submissionId: randomUUID(), subjective: '', objective: '', assessment: 'Correction: not a flare.', plan: '', amendsId: original.id })).toBe('created');
    const amendment = (await db().select().from(notes).where(eq(notes.amendsId, original.id)))[0]!;
    // An amendment of an amendment is refused: corrections attach to the original note.
    expect(await createNote(episode.id, { submissionId: randomUUID(), subjective: 'x', objective: '', assessment: '', plan: '', amendsId: amendment.id })).toBe('not-found');
    data = await getGoalsAndNotes(episode.id);
    expect(data!.goals[0]!.status).toBe('achieved');
    expect(data!.notes).toHaveLength(1);
    expect(data!.notes[0]).toMatchObject({ assessment: 'Flare.', amendments: [expect.objectContaining({ assessment: 'Correction: not a flare.' })] });
  });

  it('refuses another clinician', async () => {
    const { clinic, clinician, episode } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    await createGoal(episode.id, { submissionId: randomUUID(), description: 'Mine' });
    await createNote(episode.id, { submissionId: randomUUID(), subjective: 'Mine', objective: '', assessment: '', plan: '' });
    const data = await getGoalsAndNotes(episode.id);
    const other = await createUser(db(), clinic.id, 'clinician');
    await signInAs(db(), other.id);
    expect(await getGoalsAndNotes(episode.id)).toBeNull();
    expect(await createGoal(episode.id, { submissionId: randomUUID(), description: 'Theirs' })).toBe('not-found');
    expect(await updateGoalStatus(episode.id, data!.goals[0]!.id, 'cancelled')).toBe('not-found');
    expect(await createNote(episode.id, { submissionId: randomUUID(), subjective: 'Theirs', objective: '', assessment: '', plan: '', amendsId: data!.notes[0]!.id })).toBe('not-found');
    expect(await db().select().from(notes).where(eq(notes.episodeId, episode.id))).toHaveLength(1);
  });
});

describe('outcome and discharge', () => {
  it('compares baseline with latest NPRS, ODI and ROM, then discharges once', async () => {
    const { clinician, episode } = await createCareTeam(db());
    await insertPainEntryRow(db(), episode.id, 4, daysAgo(1));
    await insertCompletedQuestionnaireRow(db(), episode.id, 'ODI', 40, daysAgo(20));
    await insertCompletedQuestionnaireRow(db(), episode.id, 'ODI', 32, daysAgo(1));
    await signInAs(db(), clinician.id);
    await createMeasurements(episode.id, { submissionId: randomUUID(), measuredAt: daysAgo(20), values: [{ code: 'fingertip-to-floor', value: 30, method: null }] });
    await createMeasurements(episode.id, { submissionId: randomUUID(), measuredAt: daysAgo(1), values: [{ code: 'fingertip-to-floor', value: 12, method: null }] });
    const outcome = await getOutcomeSummary(episode.id);
    expect(outcome!.nprs).toMatchObject({ baseline: 6, latest: 4, improvement: { change: -2, met: true } });
    expect(outcome!.odi).toMatchObject({ baseline: 40, latest: 32, improvement: { change: -8, met: false } });
    expect(outcome!.rom).toEqual([{ code: 'fingertip-to-floor', baseline: 30, latest: 12, change: -18 }]);
    expect(await dischargeEpisode(episode.id, 'Goals met.')).toBe('discharged');
    expect(await dischargeEpisode(episode.id, 'Again.')).toBe('not-found');
    const [row] = await db().select().from(episodes).where(eq(episodes.id, episode.id));
    expect(row).toMatchObject({ status: 'discharged', dischargeSummary: 'Goals met.' });
    expect(await createMeasurements(episode.id, { submissionId: randomUUID(), measuredAt: new Date(), values: [{ code: 'fingertip-to-floor', value: 10, method: null }] })).toBe('discharged');
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'clinician.episode.discharge')).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ actorId: clinician.id, resourceId: episode.id });
  });

  it('refuses another clinician', async () => {
    const { clinic, episode } = await createCareTeam(db());
    const other = await createUser(db(), clinic.id, 'clinician');
    await signInAs(db(), other.id);
    expect(await getOutcomeSummary(episode.id)).toBeNull();
    expect(await dischargeEpisode(episode.id, 'Not mine.')).toBe('not-found');
    const [row] = await db().select({ status: episodes.status }).from(episodes).where(eq(episodes.id, episode.id));
    expect(row!.status).toBe('active');
  });
});
