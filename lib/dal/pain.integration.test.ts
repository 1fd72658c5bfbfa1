import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, insertPainEntryRow, NO_RED_FLAGS, signInAs } from '@/db/factories';
import { alerts, auditEvents, episodes, painEntries, redFlagScreens } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { MS_PER_DAY } from '@/lib/time';
import type { PainEntryInput } from '@/lib/validation/pain';
import { createPainEntry, deletePainEntry, getPainEntry, getPainEntryOutcome, listPainEntries, updatePainEntry } from './pain';

const db = setupTestDatabase();

const entry = (overrides: Partial<PainEntryInput> = {}): PainEntryInput => ({
  submissionId: randomUUID(),
  score: 5,
  worst24h: null,
  locations: ['lower-back'],
  belowKnee: false,
  note: null,
  newSymptom: false,
  redFlags: { ...NO_RED_FLAGS },
  ...overrides,
});

async function openAlerts(episodeId: string) {
  return db().select({ reason: alerts.reason, urgency: alerts.urgency }).from(alerts).where(eq(alerts.episodeId, episodeId));
}

describe('createPainEntry', () => {
  it('stores the entry, its safety answers and an audit row; no alert when all answers are no', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const input = entry({ score: 4, worst24h: 7, locations: ['lower-back', 'left-leg'], belowKnee: true, note: '<script>alert(1)</script>' });
    const result = await createPainEntry(input);
    expect(result).toMatchObject({ status: 'created', redFlag: null });
    const [row] = await db().select().from(painEntries).where(eq(painEntries.episodeId, episode.id));
    expect(row).toMatchObject({
      score: 4,
      worst24h: 7,
      locations: ['lower-back', 'left-leg'],
      belowKnee: true,
      note: '<script>alert(1)</script>',
      submissionId: input.submissionId,
      updatedAt: null,
    });
    expect(row!.id).toBe(result.status === 'created' ? result.entryId : null);
    expect(row!.localDay).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(row!.recordedAt));
    const screens = await db().select().from(redFlagScreens).where(eq(redFlagScreens.episodeId, episode.id));
    expect(screens).toHaveLength(1);
    expect(screens[0]).toMatchObject({ painEntryId: row!.id, answers: input.redFlags, positives: [], urgency: null, submissionId: input.submissionId });
    expect(await openAlerts(episode.id)).toEqual([]);
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'pain-entry.create'), eq(auditEvents.patientId, patient.id)));
    expect(audit).toHaveLength(1);
  });

  it('raises an emergency red-flag alert in the same write for a cauda equina yes', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const result = await createPainEntry(entry({ redFlags: { ...NO_RED_FLAGS, 'bladder-change': true } }));
    expect(result).toMatchObject({ status: 'created', redFlag: { urgency: 'emergency', positives: ['bladder-change'] } });
    const [screen] = await db().select().from(redFlagScreens).where(eq(redFlagScreens.episodeId, episode.id));
    expect(screen).toMatchObject({ positives: ['bladder-change'], urgency: 'emergency', answers: { ...NO_RED_FLAGS, 'bladder-change': true } });
    expect(await openAlerts(episode.id)).toEqual([{ reason: 'red-flag', urgency: 'emergency' }]);
    if (result.status !== 'created') throw new Error('expected created');
    expect((await getPainEntryOutcome(result.entryId))?.redFlag).toEqual({ urgency: 'emergency', positives: ['bladder-change'] });
  });

  it('escalates an open lower-urgency red-flag alert instead of hiding a new emergency', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    await createPainEntry(entry({ redFlags: { ...NO_RED_FLAGS, 'foot-drop': true } }));
    expect(await openAlerts(episode.id)).toEqual([{ reason: 'red-flag', urgency: 'same-day' }]);
    await createPainEntry(entry({ redFlags: { ...NO_RED_FLAGS, 'saddle-numbness': true } }));
    expect(await openAlerts(episode.id)).toEqual([{ reason: 'red-flag', urgency: 'emergency' }]);
  });

  it('saves a double submit once and reports the first result', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const input = entry({ redFlags: { ...NO_RED_FLAGS, 'both-legs': true } });
    const results = await Promise.all([createPainEntry(input), createPainEntry(input), createPainEntry(input)]);
    expect(results.filter((result) => result.status === 'created')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'duplicate')).toHaveLength(2);
    for (const result of results) expect(result).toMatchObject({ redFlag: { urgency: 'emergency' } });
    expect(await db().select().from(painEntries).where(eq(painEntries.episodeId, episode.id))).toHaveLength(1);
    expect(await db().select().from(redFlagScreens).where(eq(redFlagScreens.episodeId, episode.id))).toHaveLength(1);
  });

  it('runs the pain alert rules in the same transaction (severe pain two days running)', async () => {
    const { patient, episode } = await createCareTeam(db());
    await insertPainEntryRow(db(), episode.id, 9, new Date(Date.now() - MS_PER_DAY));
    await signInAs(db(), patient.id);
    await createPainEntry(entry({ score: 9 }));
    expect(await openAlerts(episode.id)).toContainEqual({ reason: 'severe-pain', urgency: 'same-day' });
  });

  it('refuses clinicians and managers, and patients whose care has ended', async () => {
    const { clinician, manager, patient, episode } = await createCareTeam(db());
    for (const user of [clinician, manager]) {
      await signInAs(db(), user.id);
      expect(isAppError(await createPainEntry(entry()).catch((error: unknown) => error), 'forbidden')).toBe(true);
    }
    await db().update(episodes).set({ status: 'discharged', dischargedAt: new Date() }).where(eq(episodes.id, episode.id));
    await signInAs(db(), patient.id);
    expect(await createPainEntry(entry())).toEqual({ status: 'no-active-episode' });
    expect(await db().select().from(painEntries).where(eq(painEntries.episodeId, episode.id))).toHaveLength(0);
  });
});

describe('reading, editing and deleting: patients only touch their own entries', () => {
  async function twoPatients() {
    const a = await createCareTeam(db());
    const bPatient = await createUser(db(), a.clinic.id, 'patient');
    const bEpisode = await createEpisode(db(), { clinicId: a.clinic.id, patientId: bPatient.id, clinicianId: a.clinician.id });
    const bEntry = await insertPainEntryRow(db(), bEpisode.id, 6, new Date(Date.now() - 3_600_000));
    return { a, bPatient, bEpisode, bEntry };
  }

  it('lists only the patient’s own entries', async () => {
    const { a, bEntry } = await twoPatients();
    const own = await insertPainEntryRow(db(), a.episode.id, 3, new Date(Date.now() - 60_000));
    await signInAs(db(), a.patient.id);
    const ids = (await listPainEntries()).map((row) => row.id);
    expect(ids).toEqual([own.id]);
    expect(ids).not.toContain(bEntry.id);
  });

  it('refuses patient A reading, editing and deleting patient B’s entry by id, and audits each refusal', async () => {
    const { a, bEntry } = await twoPatients();
    await signInAs(db(), a.patient.id);
    expect(await getPainEntry(bEntry.id)).toBeNull();
    expect(await getPainEntryOutcome(bEntry.id)).toBeNull();
    const version = bEntry.recordedAt.getTime();
    expect(await updatePainEntry({ id: bEntry.id, version, score: 0, worst24h: null, locations: [], belowKnee: false, note: 'hacked', redFlags: NO_RED_FLAGS })).toBe('not-found');
    expect(await deletePainEntry(bEntry.id)).toBe('not-found');
    const [after] = await db().select().from(painEntries).where(eq(painEntries.id, bEntry.id));
    expect(after).toMatchObject({ score: 6, note: null });
    const denied = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, a.patient.id), eq(auditEvents.outcome, 'denied'), eq(auditEvents.resourceId, bEntry.id)));
    expect(denied.map((row) => row.action).sort()).toEqual(['pain-entry.delete', 'pain-entry.read', 'pain-entry.read', 'pain-entry.update']);
  });

  it('refuses the clinician reading entries through the patient functions', async () => {
    const { a, bEntry } = await twoPatients();
    await signInAs(db(), a.clinician.id);
    expect(isAppError(await getPainEntry(bEntry.id).catch((error: unknown) => error), 'forbidden')).toBe(true);
  });

  it('edits an own entry at the version read; a stale tab gets a conflict and overwrites nothing', async () => {
    const { patient } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const created = await createPainEntry(entry({ score: 5 }));
    if (created.status !== 'created') throw new Error('expected created');
    const opened = (await getPainEntry(created.entryId))!;
    const change = { id: opened.id, worst24h: null, locations: [], belowKnee: true, note: 'first tab', redFlags: NO_RED_FLAGS };
    expect(await updatePainEntry({ ...change, version: opened.version, score: 3 })).toBe('updated');
    expect(await updatePainEntry({ ...change, version: opened.version, score: 8, note: 'stale tab' })).toBe('conflict');
    const now = (await getPainEntry(opened.id))!;
    expect(now).toMatchObject({ score: 3, note: 'first tab', belowKnee: true, edited: true });
    expect(now.version).not.toBe(opened.version);
  });

  it('asks the safety questions again on a change: a new yes raises the alert and shows the advice', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const created = await createPainEntry(entry());
    if (created.status !== 'created') throw new Error('expected created');
    const opened = (await getPainEntry(created.entryId))!;
    const result = await updatePainEntry({
      id: opened.id,
      version: opened.version,
      score: 7,
      worst24h: null,
      locations: ['both-legs'],
      belowKnee: true,
      note: null,
      redFlags: { ...NO_RED_FLAGS, 'both-legs': true },
    });
    expect(result).toBe('updated');
    expect(await openAlerts(episode.id)).toEqual([{ reason: 'red-flag', urgency: 'emergency' }]);
    expect((await getPainEntryOutcome(opened.id))?.redFlag).toEqual({ urgency: 'emergency', positives: ['both-legs'] });
  });

  it('refuses editing or deleting after 24 hours with a clear reason', async () => {
    const { patient, episode } = await createCareTeam(db());
    const old = await insertPainEntryRow(db(), episode.id, 5, new Date(Date.now() - 25 * 3_600_000));
    await signInAs(db(), patient.id);
    const read = (await getPainEntry(old.id))!;
    expect(read.canChange).toBe(false);
    expect(await updatePainEntry({ id: old.id, version: read.version, score: 2, worst24h: null, locations: [], belowKnee: false, note: null, redFlags: NO_RED_FLAGS })).toBe('too-late');
    expect(await deletePainEntry(old.id)).toBe('too-late');
    expect(await db().select().from(painEntries).where(eq(painEntries.id, old.id))).toHaveLength(1);
  });

  it('deletes an own recent entry and keeps its safety answers', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const created = await createPainEntry(entry());
    if (created.status !== 'created') throw new Error('expected created');
    expect(await deletePainEntry(created.entryId)).toBe('deleted');
    expect(await deletePainEntry(created.entryId)).toBe('not-found');
    expect(await db().select().from(painEntries).where(eq(painEntries.episodeId, episode.id))).toHaveLength(0);
    expect(await db().select().from(redFlagScreens).where(eq(redFlagScreens.episodeId, episode.id))).toHaveLength(1);
  });
});
