import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, signInAs } from '@/db/factories';
import { alerts, questionnaireResponses, questionnaireSchedules } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { applyStep, RMDQ_SCREENS } from '@/lib/validation/questionnaires';
import { getOutcomeSummary } from '../discharge';
import { getPatientRecord } from '../patient-record';
import { getProgress } from '../progress';
import {
  completeQuestionnaire,
  getQuestionnaireResult,
  getQuestionnaireSession,
  listQuestionnaireStatus,
  saveQuestionnaireDraft,
} from '../questionnaires';

const db = setupTestDatabase();

const ticks = (count: number) => ({ ticked: Array.from({ length: 24 }, (_, index) => index < count) });
const psfs = (ratings: number[]) => ({ activities: ratings.map((rating, index) => ({ name: ['Socks', 'Walking', 'Gardening'][index]!, rating })) });

async function worseningAlerts(episodeId: string) {
  return db()
    .select({ message: alerts.message, detail: alerts.detail })
    .from(alerts)
    .where(and(eq(alerts.episodeId, episodeId), eq(alerts.reason, 'questionnaire-worsening')));
}

describe('Roland-Morris end to end', () => {
  it('is listed for the patient once the clinician schedules it, and not before', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    expect((await listQuestionnaireStatus()).map((status) => status.instrument)).not.toContain('RMDQ');
    await db().insert(questionnaireSchedules).values({ episodeId: episode.id, instrument: 'RMDQ', enabled: true, intervalWeeks: 4, dueAt: new Date() });
    const rmdq = (await listQuestionnaireStatus()).find((status) => status.instrument === 'RMDQ');
    expect(rmdq?.due).toMatchObject({ isDue: true });
  });

  it('keeps answers screen by screen, resumes them, and scores on the server', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const session = (await getQuestionnaireSession('RMDQ'))!;
    expect(session.stored).toBe(false);
    let draft = session.draft;
    for (const [step, statement] of [['0', '1'], ['7']].entries()) {
      const outcome = applyStep('RMDQ', draft, { submissionId: session.submissionId, step: String(step), statement });
      if (!outcome.ok) throw new Error('refused');
      draft = outcome.draft;
      expect(await saveQuestionnaireDraft('RMDQ', session.submissionId, draft)).toBe('saved');
    }
    const resumed = (await getQuestionnaireSession('RMDQ'))!;
    expect(resumed).toMatchObject({ stored: true, submissionId: session.submissionId, draft: { step: 2 } });
    expect((await listQuestionnaireStatus()).find((status) => status.instrument === 'RMDQ')?.inProgress).toBe(true);

    draft = resumed.draft;
    for (const [index, statement] of [['12', '13'], ['23']].entries()) {
      const outcome = applyStep('RMDQ', draft, { submissionId: session.submissionId, step: String(index + 2), statement });
      if (!outcome.ok) throw new Error('refused');
      draft = outcome.draft;
    }
    expect(draft.step).toBe(RMDQ_SCREENS.length);
    const result = await completeQuestionnaire('RMDQ', session.submissionId, { ticked: (draft as { ticked: boolean[] }).ticked });
    if (result.status !== 'completed') throw new Error(result.status);
    const [row] = await db().select().from(questionnaireResponses).where(eq(questionnaireResponses.id, result.responseId));
    expect(row).toMatchObject({ episodeId: episode.id, instrument: 'RMDQ', status: 'completed', score: 6, band: null });
  });

  it('refuses answers outside the instrument without writing anything', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    await expect(completeQuestionnaire('RMDQ', randomUUID(), { ticked: [true, false] })).rejects.toThrow();
    await expect(completeQuestionnaire('RMDQ', randomUUID(), { ticked: Array(24).fill('yes') })).rejects.toThrow();
    expect(await db().select().from(questionnaireResponses).where(eq(questionnaireResponses.episodeId, episode.id))).toHaveLength(0);
  });

  it('raises the questionnaire-worsening alert on a rise of 5, not 4', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    await completeQuestionnaire('RMDQ', randomUUID(), ticks(6));
    await completeQuestionnaire('RMDQ', randomUUID(), ticks(10));
    expect(await worseningAlerts(episode.id)).toHaveLength(0);
    await completeQuestionnaire('RMDQ', randomUUID(), ticks(15));
    const [alert] = await worseningAlerts(episode.id);
    expect(alert?.message).toBe('The Roland-Morris Disability Questionnaire (RMDQ) score rose by 5 points or more since the last questionnaire.');
    expect(alert?.detail).toMatchObject({ instrument: 'RMDQ', previous: 10, latest: 15 });
  });

  it('reports the change and MCID to the patient, on their chart, on the record and at discharge', async () => {
    const { patient, clinician, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    await completeQuestionnaire('RMDQ', randomUUID(), ticks(15));
    await completeQuestionnaire('RMDQ', randomUUID(), ticks(12));
    const latest = await completeQuestionnaire('RMDQ', randomUUID(), ticks(9));
    if (latest.status !== 'completed') throw new Error(latest.status);
    expect(await getQuestionnaireResult(latest.responseId)).toMatchObject({ score: 9, previousScore: 12, baselineScore: 15 });

    const progress = await getProgress('all');
    expect(progress.rmdq.points.map((point) => point.score)).toEqual([15, 12, 9]);
    expect(progress.rmdq.mcidLevel).toBe(10.5);
    expect(progress.rmdq.change).toEqual({ baseline: 15, latest: 9, text: 'Down 6 points (40 %) from 15: a meaningful improvement.', met: true });

    await signInAs(db(), clinician.id);
    const record = (await getPatientRecord(episode.id))!;
    expect(record.rmdq.points.map((point) => point.score)).toEqual([15, 12, 9]);
    expect(record.rmdq.change?.met).toBe(true);
    const outcome = (await getOutcomeSummary(episode.id))!;
    expect(outcome.rmdq).toMatchObject({ baseline: 15, latest: 9, improvement: { change: -6, met: true } });
  });
});

describe('PSFS activities over time', () => {
  it('reports the change in the mean and for each activity against the meaningful-change rule', async () => {
    const { patient, clinician, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    await completeQuestionnaire('PSFS', randomUUID(), psfs([2, 4, 5]));
    await completeQuestionnaire('PSFS', randomUUID(), psfs([5, 5, 5]));
    const progress = await getProgress('all');
    expect(progress.psfs.responses.map((response) => response.activities.map((activity) => activity.rating))).toEqual([
      [2, 4, 5],
      [5, 5, 5],
    ]);
    expect(progress.psfs.change).toMatchObject({ first: 3.7, latest: 5, meanChange: 1.3, meanMet: false, met: true });
    expect(progress.psfs.change?.activities[0]).toEqual({ name: 'Socks', first: 2, latest: 5, change: 3, met: true });

    await signInAs(db(), clinician.id);
    expect((await getPatientRecord(episode.id))!.psfs.change?.met).toBe(true);
    const outcome = (await getOutcomeSummary(episode.id))!;
    expect(outcome.psfs?.activities.map((activity) => [activity.name, activity.change])).toEqual([
      ['Socks', 3],
      ['Walking', 1],
      ['Gardening', 0],
    ]);
  });

  it('shows no change with a single response, and another clinician sees nothing', async () => {
    const team = await createCareTeam(db());
    const other = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    await completeQuestionnaire('PSFS', randomUUID(), psfs([3, 3, 3]));
    expect((await getProgress('all')).psfs.change).toBeNull();
    await signInAs(db(), other.clinician.id);
    expect(await getPatientRecord(team.episode.id)).toBeNull();
    expect(await getOutcomeSummary(team.episode.id)).toBeNull();
  });
});
