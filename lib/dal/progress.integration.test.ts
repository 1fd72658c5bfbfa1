import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, insertPainEntryRow, insertStarterPlan, signInAs } from '@/db/factories';
import { eq } from 'drizzle-orm';
import { exerciseLogs, measurements, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { addDays, localDay, MS_PER_DAY, weekStartOf } from '@/lib/time';
import { getProgress } from './progress';
import { completeQuestionnaire } from './questionnaires';

const db = setupTestDatabase();

describe('getProgress', () => {
  it('charts the patient’s own pain, ODI, measurements and weekly sessions', async () => {
    const team = await createCareTeam(db());
    const plan = await insertStarterPlan(db(), { clinicId: team.clinic.id, episodeId: team.episode.id, clinicianId: team.clinician.id, slugs: ['pelvic-tilt'] });
    for (let back = 20; back >= 1; back -= 1) {
      await insertPainEntryRow(db(), team.episode.id, back > 10 ? 6 : 3, new Date(Date.now() - back * MS_PER_DAY));
    }
    // Two entries on one day: the day's value is the highest.
    await insertPainEntryRow(db(), team.episode.id, 9, new Date(Date.now() - 1 * MS_PER_DAY + 60_000));
    await db().insert(measurements).values([
      { episodeId: team.episode.id, clinicianId: team.clinician.id, code: 'lumbar-flexion', value: 35, unit: 'deg', measuredAt: new Date(Date.now() - 14 * MS_PER_DAY) },
      { episodeId: team.episode.id, clinicianId: team.clinician.id, code: 'lumbar-flexion', value: 50, unit: 'deg', measuredAt: new Date(Date.now() - 2 * MS_PER_DAY) },
      { episodeId: team.episode.id, clinicianId: team.clinician.id, code: 'lumbar-flexion', value: 99, unit: 'deg', measuredAt: new Date(Date.now() - 2 * MS_PER_DAY), deletedAt: new Date() },
    ]);
    const loggedAt = new Date(Date.now() - 2 * MS_PER_DAY);
    await db().insert(exerciseLogs).values({ episodeId: team.episode.id, planItemId: plan.items[0]!.id, status: 'done', loggedAt, localDay: localDay(loggedAt, 'Europe/London'), submissionId: randomUUID() });
    await signInAs(db(), team.patient.id);
    await completeQuestionnaire('ODI', randomUUID(), { sections: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2] });

    const view = await getProgress('4w');
    expect(view.pain.daily).toHaveLength(20);
    expect(view.pain.daily.at(-1)?.score).toBe(9);
    expect(view.pain.baseline).toBe(6);
    expect(view.pain.meaningfulLevel).toBe(4.2);
    expect(view.pain.summary).toMatch(/^Your average pain fell from 6\.0 to 3\.\d out of 10 over 3 weeks\.$/);
    expect(view.odi.points).toEqual([expect.objectContaining({ score: 40, band: 'moderate' })]);
    expect(view.rom.map((entry) => [entry.code, entry.points.map((point) => point.value)])).toEqual([['lumbar-flexion', [35, 50]]]);
    expect(view.adherence.weeks.reduce((total, week) => total + week.logged, 0)).toBe(1);
    const loggedWeek = view.adherence.weeks.find((week) => week.logged === 1)!;
    expect(loggedWeek.weekStart).toBe(weekStartOf(localDay(loggedAt, 'Europe/London')));
    expect(loggedWeek.prescribed).toBeGreaterThan(0);
    expect(loggedWeek.percent).toBe(Math.round(100 / loggedWeek.prescribed));
  });

  it('shades the ROM band for the patient’s age on the day of the latest measurement, and says which band it is', async () => {
    const team = await createCareTeam(db());
    const measuredAt = new Date(Date.now() - 2 * MS_PER_DAY);
    const measuredDay = localDay(measuredAt, 'Europe/London');
    // 90 on the day of the measurement, 91 from the next day: the band (ages 16–90) still applies.
    const birthday = addDays(measuredDay, 1);
    await db().update(users).set({ dateOfBirth: `${Number(birthday.slice(0, 4)) - 91}${birthday.slice(4)}` }).where(eq(users.id, team.patient.id));
    await db().insert(measurements).values([
      { episodeId: team.episode.id, clinicianId: team.clinician.id, code: 'lumbar-flexion', value: 45, unit: 'deg', measuredAt },
      { episodeId: team.episode.id, clinicianId: team.clinician.id, code: 'fingertip-to-floor', value: 12, unit: 'cm', measuredAt },
    ]);
    await signInAs(db(), team.patient.id);
    const view = await getProgress('4w');
    const flexion = view.rom.find((entry) => entry.code === 'lumbar-flexion')!;
    expect(flexion.reference).toEqual({ low: 40, high: 73, label: 'Adults 16–90', range: '40–73°' });
    expect(flexion.referenceText).toBe('Typical range for adults aged 16–90 (for age 90): 40–73°.');
    const reach = view.rom.find((entry) => entry.code === 'fingertip-to-floor')!;
    expect([reach.reference, reach.referenceText]).toEqual([null, null]);

    // No date of birth: the band for all adults, saying the age is not recorded.
    await db().update(users).set({ dateOfBirth: null }).where(eq(users.id, team.patient.id));
    const unknown = (await getProgress('4w')).rom.find((entry) => entry.code === 'lumbar-flexion')!;
    expect(unknown.referenceText).toBe('Typical range for adults aged 16–90 (age not recorded): 40–73°.');
  });

  it('limits the range and explains empty charts', async () => {
    const team = await createCareTeam(db());
    await insertPainEntryRow(db(), team.episode.id, 5, new Date(Date.now() - 27 * MS_PER_DAY));
    await signInAs(db(), team.patient.id);
    expect((await getProgress('4w')).pain.daily).toHaveLength(1);
    const fresh = await createUser(db(), team.clinic.id, 'patient');
    await createEpisode(db(), { clinicId: team.clinic.id, patientId: fresh.id, clinicianId: team.clinician.id });
    await signInAs(db(), fresh.id);
    const empty = await getProgress('all');
    expect(empty.pain.daily).toEqual([]);
    expect(empty.pain.summary).toBe('No pain scores logged in this period yet.');
    expect(empty.rom).toEqual([]);
  });

  it('never shows another patient’s data and refuses clinicians', async () => {
    const team = await createCareTeam(db());
    await insertPainEntryRow(db(), team.episode.id, 7, new Date(Date.now() - MS_PER_DAY));
    const other = await createUser(db(), team.clinic.id, 'patient');
    await createEpisode(db(), { clinicId: team.clinic.id, patientId: other.id, clinicianId: team.clinician.id });
    await signInAs(db(), other.id);
    expect((await getProgress('all')).pain.daily).toEqual([]);
    await signInAs(db(), team.clinician.id);
    expect(isAppError(await getProgress('all').catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});
