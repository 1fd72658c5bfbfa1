import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, signInAs } from '@/db/factories';
import { auditEvents, episodes, questionnaireSchedules } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { getQuestionnaireSchedule, updateQuestionnaireSchedule } from './questionnaire-schedules';
import { listQuestionnaireStatus } from './questionnaires';

const db = setupTestDatabase();

describe('questionnaire schedules after onboarding', () => {
  it('shows the defaults, then a clinician’s change, which the patient’s list follows, audited with before and after', async () => {
    const { clinician, patient, episode } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    const before = (await getQuestionnaireSchedule(episode.id))!;
    expect(before.schedule.schedules.map((row) => [row.instrument, row.enabled, row.intervalWeeks, row.isDefault])).toEqual([
      ['ODI', true, 4, true],
      ['STARTBACK', true, null, true],
      ['PSFS', true, 4, true],
      ['RMDQ', false, null, true],
    ]);

    const today = before.schedule.today;
    expect(await updateQuestionnaireSchedule(episode.id, { instrument: 'RMDQ', enabled: true, intervalWeeks: 2, requestBy: today })).toBe('updated');
    expect(await updateQuestionnaireSchedule(episode.id, { instrument: 'PSFS', enabled: false, intervalWeeks: null, requestBy: null })).toBe('updated');
    const after = (await getQuestionnaireSchedule(episode.id))!.schedule.schedules;
    expect(after.find((row) => row.instrument === 'RMDQ')).toEqual({ instrument: 'RMDQ', enabled: true, intervalWeeks: 2, requestBy: today, isDefault: false });

    const [audit] = await db()
      .select({ detail: auditEvents.detail, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'clinician.questionnaire-schedule.update'), eq(auditEvents.patientId, patient.id)))
      .limit(1);
    expect(audit).toMatchObject({ actorId: clinician.id, detail: { instrument: 'RMDQ', before: 'default', after: { enabled: true, intervalWeeks: 2, requestBy: today } } });

    await signInAs(db(), patient.id);
    const statuses = await listQuestionnaireStatus();
    expect(statuses.find((status) => status.instrument === 'RMDQ')?.due).toMatchObject({ isDue: true });
    expect(statuses.find((status) => status.instrument === 'PSFS')).toBeUndefined();
  });

  it('refuses another clinician, a discharged episode and other roles, changing nothing', async () => {
    const team = await createCareTeam(db());
    const other = await createCareTeam(db());
    const change = { instrument: 'RMDQ' as const, enabled: true, intervalWeeks: 4, requestBy: null };
    await signInAs(db(), other.clinician.id);
    expect(await getQuestionnaireSchedule(team.episode.id)).toBeNull();
    expect(await updateQuestionnaireSchedule(team.episode.id, change)).toBe('not-found');
    await signInAs(db(), team.clinician.id);
    await db().update(episodes).set({ status: 'discharged', dischargedAt: new Date() }).where(eq(episodes.id, team.episode.id));
    expect(await updateQuestionnaireSchedule(team.episode.id, change)).toBe('not-active');
    await signInAs(db(), team.patient.id);
    expect(isAppError(await updateQuestionnaireSchedule(team.episode.id, change).catch((error: unknown) => error), 'forbidden')).toBe(true);
    expect(await db().select().from(questionnaireSchedules).where(eq(questionnaireSchedules.episodeId, team.episode.id))).toHaveLength(0);
  });
});
