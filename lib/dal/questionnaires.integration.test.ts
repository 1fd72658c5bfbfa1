import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, signInAs } from '@/db/factories';
import { alerts, questionnaireResponses, questionnaireSchedules } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { MS_PER_DAY } from '@/lib/time';
import { applyStep } from '@/lib/validation/questionnaires';
import {
  completeQuestionnaire,
  getQuestionnaireResult,
  getQuestionnaireSession,
  listQuestionnaireStatus,
  saveQuestionnaireDraft,
} from './questionnaires';

const db = setupTestDatabase();

describe('questionnaire status', () => {
  it('asks for ODI, STarT Back and PSFS at baseline, then ODI and PSFS again after 4 weeks', async () => {
    const { patient } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const before = await listQuestionnaireStatus();
    expect(before.map((status) => [status.instrument, status.due?.reason, status.due?.isDue])).toEqual([
      ['ODI', 'baseline', true],
      ['STARTBACK', 'baseline', true],
      ['PSFS', 'baseline', true],
    ]);
    await completeQuestionnaire('STARTBACK', randomUUID(), { agree: [true, false, false, false, false, false, false, false], bothersome: 'Slightly' });
    await completeQuestionnaire('ODI', randomUUID(), { sections: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] });
    const after = await listQuestionnaireStatus();
    expect(after.find((status) => status.instrument === 'STARTBACK')?.due).toBeNull();
    expect(after.find((status) => status.instrument === 'ODI')?.due).toMatchObject({ reason: 'routine', isDue: false });
    expect(after.find((status) => status.instrument === 'ODI')?.last).toMatchObject({ score: 20, band: 'minimal' });
  });

  it('honours a clinician’s schedule: switched off, or requested again', async () => {
    const { patient, episode } = await createCareTeam(db());
    await db().insert(questionnaireSchedules).values([
      { episodeId: episode.id, instrument: 'PSFS', enabled: false },
      { episodeId: episode.id, instrument: 'STARTBACK', enabled: true, dueAt: new Date(Date.now() + 3 * MS_PER_DAY) },
    ]);
    await signInAs(db(), patient.id);
    const statuses = await listQuestionnaireStatus();
    // Switched off and never answered: not offered at all.
    expect(statuses.find((status) => status.instrument === 'PSFS')).toBeUndefined();
    expect(statuses.find((status) => status.instrument === 'STARTBACK')?.due?.reason).toBe('baseline');
  });
});

describe('saving and completing', () => {
  it('keeps answers part-way and resumes them; completing scores on the server exactly', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const session = (await getQuestionnaireSession('ODI'))!;
    let draft = session.draft;
    for (const [step, answer] of ['3', '2', '3'].entries()) {
      const outcome = applyStep('ODI', draft, { submissionId: session.submissionId, step: String(step), answer });
      if (!outcome.ok) throw new Error('step refused');
      draft = outcome.draft;
      expect(await saveQuestionnaireDraft('ODI', session.submissionId, draft)).toBe('saved');
    }
    const resumed = (await getQuestionnaireSession('ODI'))!;
    expect(resumed.submissionId).toBe(session.submissionId);
    expect(resumed.draft).toEqual({ step: 3, sections: [3, 2, 3, null, null, null, null, null, null, null] });
    expect((await listQuestionnaireStatus()).find((status) => status.instrument === 'ODI')?.inProgress).toBe(true);

    const result = await completeQuestionnaire('ODI', session.submissionId, { sections: [3, 2, 3, 2, 2, 1, 1, null, 1, 1] });
    expect(result.status).toBe('completed');
    const again = await completeQuestionnaire('ODI', session.submissionId, { sections: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5] });
    expect(again).toEqual(result.status === 'completed' ? { status: 'duplicate', responseId: result.responseId } : null);
    const rows = await db().select().from(questionnaireResponses).where(eq(questionnaireResponses.episodeId, episode.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'completed', score: 1600 / 45, band: 'moderate' });
    expect(await saveQuestionnaireDraft('ODI', session.submissionId, draft)).toBe('already-completed');
  });

  it('stores “not enough answers” as no score when three ODI sections are skipped', async () => {
    const { patient } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const result = await completeQuestionnaire('ODI', randomUUID(), { sections: [1, 1, 1, 1, 1, 1, 1, null, null, null] });
    if (result.status !== 'completed') throw new Error('expected completed');
    expect(await getQuestionnaireResult(result.responseId)).toMatchObject({ score: null, band: null });
  });

  it('scores STarT Back and PSFS per docs/CLINICAL.md and offers PSFS follow-ups the same activities', async () => {
    const { patient } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const startBack = await completeQuestionnaire('STARTBACK', randomUUID(), { agree: [true, false, false, false, true, true, true, false], bothersome: 'Very much' });
    if (startBack.status !== 'completed') throw new Error('expected completed');
    expect(await getQuestionnaireResult(startBack.responseId)).toMatchObject({ score: 5, subscore: 4, band: 'high' });
    const psfs = await completeQuestionnaire('PSFS', randomUUID(), {
      activities: [
        { name: 'Gardening', rating: 3 },
        { name: 'Lifting', rating: 4 },
        { name: 'Sitting', rating: 4 },
      ],
    });
    if (psfs.status !== 'completed') throw new Error('expected completed');
    expect((await getQuestionnaireResult(psfs.responseId))?.score).toBe(3.7);
    expect((await getQuestionnaireSession('PSFS'))?.draft).toMatchObject({ followUp: true, activities: [{ name: 'Gardening' }, { name: 'Lifting' }, { name: 'Sitting' }] });
  });

  it('raises a questionnaire-worsening alert when the ODI rises by 10 points', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    await completeQuestionnaire('ODI', randomUUID(), { sections: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] });
    await completeQuestionnaire('ODI', randomUUID(), { sections: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2] });
    const raised = await db().select().from(alerts).where(and(eq(alerts.episodeId, episode.id), eq(alerts.reason, 'questionnaire-worsening')));
    expect(raised).toHaveLength(1);
  });

  it('rejects answers that do not fit the instrument without writing anything', async () => {
    const { patient, episode } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    await expect(completeQuestionnaire('ODI', randomUUID(), { sections: [6, 1, 1, 1, 1, 1, 1, 1, 1, 1] })).rejects.toThrow();
    expect(await db().select().from(questionnaireResponses).where(eq(questionnaireResponses.episodeId, episode.id))).toHaveLength(0);
  });
});

describe('ownership', () => {
  it('refuses patient A reading or writing through patient B’s response ids', async () => {
    const team = await createCareTeam(db());
    const other = await createUser(db(), team.clinic.id, 'patient');
    await createEpisode(db(), { clinicId: team.clinic.id, patientId: other.id, clinicianId: team.clinician.id });
    await signInAs(db(), team.patient.id);
    const submissionId = randomUUID();
    const result = await completeQuestionnaire('ODI', submissionId, { sections: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] });
    if (result.status !== 'completed') throw new Error('expected completed');
    await signInAs(db(), other.id);
    expect(await getQuestionnaireResult(result.responseId)).toBeNull();
    expect(await completeQuestionnaire('ODI', submissionId, { sections: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5] })).toEqual({ status: 'not-found' });
    expect(await saveQuestionnaireDraft('ODI', submissionId, { step: 1, sections: Array(10).fill(null) })).toBe('not-found');
    const [row] = await db().select().from(questionnaireResponses).where(eq(questionnaireResponses.id, result.responseId));
    expect(row!.score).toBe(20);
  });

  it('refuses clinicians', async () => {
    const { clinician } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    expect(isAppError(await listQuestionnaireStatus().catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});
