import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, NO_RED_FLAGS, signInAs } from '@/db/factories';
import { alerts, auditEvents, episodes, painEntries, redFlagScreens } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { PERIODIC_RED_FLAG_QUESTIONS, RED_FLAG_QUESTIONS, redFlagHeading } from '@/lib/clinical/red-flags';
import { isAppError } from '@/lib/errors';
import { MS_PER_DAY } from '@/lib/time';
import { createPainEntry, getPainEntryOutcome } from './pain';
import { createSafetyCheck, getSafetyCheckOutcome, getSafetyCheckStatus } from './safety-checks';
import { getToday } from './today';

const db = setupTestDatabase();

const ALL_NO_PERIODIC = Object.fromEntries(PERIODIC_RED_FLAG_QUESTIONS.map((question) => [question.key, false]));
const check = (redFlags: Record<string, boolean> = {}) => ({ submissionId: randomUUID(), redFlags: { ...ALL_NO_PERIODIC, ...redFlags } });
const painLog = (redFlags: Record<string, boolean> = {}) => ({
  submissionId: randomUUID(),
  score: 5,
  worst24h: null,
  locations: [],
  belowKnee: false,
  note: null,
  redFlags: { ...NO_RED_FLAGS, ...redFlags },
});

async function openRedFlag(episodeId: string) {
  const rows = await db()
    .select({ urgency: alerts.urgency, message: alerts.message, detail: alerts.detail })
    .from(alerts)
    .where(and(eq(alerts.episodeId, episodeId), eq(alerts.reason, 'red-flag')));
  return rows;
}

describe('every red-flag question → alert with its urgency → the patient’s message', () => {
  it.each(RED_FLAG_QUESTIONS.map((question) => [question.key, question.group, question.urgency] as const))(
    'a yes to %s (%s) raises a %s alert and tells the patient what to do',
    async (key, group, urgency) => {
      const team = await createCareTeam(db());
      await signInAs(db(), team.patient.id);
      let redFlag;
      if (group === 'serious-pathology') {
        const result = await createSafetyCheck(check({ [key]: true }));
        if (result.status !== 'created') throw new Error(result.status);
        redFlag = (await getSafetyCheckOutcome(result.screenId))!.redFlag;
      } else {
        const result = await createPainEntry(painLog({ [key]: true }));
        if (result.status !== 'created') throw new Error(result.status);
        redFlag = (await getPainEntryOutcome(result.entryId))!.redFlag;
      }
      const [alert] = await openRedFlag(team.episode.id);
      expect(alert?.urgency).toBe(urgency);
      expect(alert?.detail.positives).toEqual([key]);
      const finding = RED_FLAG_QUESTIONS.find((question) => question.key === key)!.finding;
      expect(alert?.detail.answers).toContain(`${finding}: yes`);
      expect(redFlag).toEqual({ urgency, positives: [key] });
      expect(redFlagHeading(redFlag!.urgency)).toBe(
        { emergency: 'Seek emergency care now', 'same-day': 'Your physio needs to check this today', '24h': 'Contact your physio’s clinic today' }[urgency],
      );
    },
  );
});

describe('createSafetyCheck', () => {
  it('stores the answers with an audit row and raises no alert when every answer is no', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    const result = await createSafetyCheck(check());
    expect(result).toMatchObject({ status: 'created', redFlag: null });
    const screens = await db().select().from(redFlagScreens).where(eq(redFlagScreens.episodeId, team.episode.id));
    expect(screens).toHaveLength(1);
    expect(screens[0]).toMatchObject({ painEntryId: null, answers: ALL_NO_PERIODIC, urgency: null });
    expect(await openRedFlag(team.episode.id)).toEqual([]);
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.action, 'safety-check.create'));
    expect(audit.some((row) => row.patientId === team.patient.id)).toBe(true);
  });

  it('shows the clinician every answer on a review-within-24-hours alert', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    await createSafetyCheck(check({ 'night-pain': true }));
    const [alert] = await openRedFlag(team.episode.id);
    expect(alert).toMatchObject({ urgency: '24h', message: expect.stringMatching(/Review within 24 hours/) });
    expect(alert!.detail).toMatchObject({
      groups: ['Possible cancer, infection or fracture'],
      answers: [
        'Unexplained weight loss: no',
        'Fever or chills: no',
        'Constant night pain not eased by rest: yes',
        'Recent significant trauma: no',
      ],
    });
  });

  it('saves a double submit once', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    const input = check({ fever: true });
    const first = await createSafetyCheck(input);
    const second = await createSafetyCheck(input);
    expect(second).toEqual({ ...first, status: 'duplicate' });
    expect(await db().select().from(redFlagScreens).where(eq(redFlagScreens.episodeId, team.episode.id))).toHaveLength(1);
  });

  it('adds a later finding to the open alert and lets a more urgent answer raise its urgency', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    await createSafetyCheck(check({ fever: true }));
    await createSafetyCheck(check({ trauma: true }));
    let [alert] = await openRedFlag(team.episode.id);
    expect(alert).toMatchObject({ urgency: '24h', detail: { positives: ['fever', 'trauma'] } });
    await createPainEntry(painLog({ 'foot-drop': true }));
    const rows = await openRedFlag(team.episode.id);
    expect(rows).toHaveLength(1);
    [alert] = rows;
    expect(alert).toMatchObject({ urgency: 'same-day', detail: { positives: ['foot-drop', 'fever', 'trauma'] } });
  });

  it('refuses a discharged patient and other roles, and hides another patient’s answers', async () => {
    const team = await createCareTeam(db());
    const other = await createCareTeam(db());
    await signInAs(db(), other.patient.id);
    const theirs = await createSafetyCheck(check({ fever: true }));
    if (theirs.status !== 'created') throw new Error(theirs.status);
    await signInAs(db(), team.patient.id);
    expect(await getSafetyCheckOutcome(theirs.screenId)).toBeNull();
    await db().update(episodes).set({ status: 'discharged', dischargedAt: new Date() }).where(eq(episodes.id, team.episode.id));
    expect(await createSafetyCheck(check())).toEqual({ status: 'no-active-episode' });
    expect(await getSafetyCheckStatus()).toMatchObject({ due: null, canAnswer: false });
    await signInAs(db(), team.clinician.id);
    expect(isAppError(await createSafetyCheck(check()).catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});

describe('a safety check’s submission id sent again with a pain entry', () => {
  it('is a tampered form: refused with nothing kept, not a server error', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const first = check();
    await createSafetyCheck(first);
    expect(await createPainEntry({ ...painLog(), submissionId: first.submissionId })).toEqual({ status: 'stale-form' });
    expect(await db().select({ id: painEntries.id }).from(painEntries).where(eq(painEntries.episodeId, episode.id))).toEqual([]);
  });
});

describe('when the periodic questions are due', () => {
  it('at the first sign-in, not again for 7 days, then weekly; Today says so', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    expect(await getSafetyCheckStatus()).toMatchObject({ due: 'first', lastAnsweredAt: null, canAnswer: true });
    expect((await getToday()).safetyCheckDue).toBe('first');
    await createSafetyCheck(check());
    expect((await getSafetyCheckStatus())?.due).toBeNull();
    expect((await getToday()).safetyCheckDue).toBeNull();
    const inSixDays = new Date(Date.now() + 6 * MS_PER_DAY);
    const inSevenDays = new Date(Date.now() + 7 * MS_PER_DAY + 60_000);
    expect((await getSafetyCheckStatus(inSixDays))?.due).toBeNull();
    expect((await getSafetyCheckStatus(inSevenDays))?.due).toBe('weekly');
  });

  it('a pain log that reports a new symptom and answers the questions counts as the check', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    await createPainEntry(painLog());
    expect((await getSafetyCheckStatus())?.due).toBe('first');
    await createPainEntry(painLog({ ...ALL_NO_PERIODIC, 'night-pain': true }));
    expect((await getSafetyCheckStatus())?.due).toBeNull();
    const [alert] = await openRedFlag(team.episode.id);
    expect(alert?.urgency).toBe('24h');
  });
});
