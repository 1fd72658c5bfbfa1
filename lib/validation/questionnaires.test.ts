import { describe, expect, it } from 'vitest';
import { applyStep, emptyDraft, finalAnswers, readDraft, RMDQ_SCREENS, type Draft, type OdiDraft, type PsfsDraft } from './questionnaires';

const submissionId = '7b0c3f5e-8a52-4a9e-9c1e-2f6a3f0d9b11';

function answerAll(instrument: 'ODI', answers: string[]): Draft {
  let draft = emptyDraft(instrument, null);
  answers.forEach((answer, step) => {
    const outcome = applyStep(instrument, draft, { submissionId, step: String(step), answer });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
    draft = outcome.draft;
  });
  return draft;
}

describe('ODI screens', () => {
  it('collects one section per screen, with skips, into the stored answers', () => {
    const draft = answerAll('ODI', ['3', '2', '3', '2', '2', '1', '1', 'skip', '1', '1']);
    expect(finalAnswers('ODI', draft)).toEqual({ sections: [3, 2, 3, 2, 2, 1, 1, null, 1, 1] });
  });

  it('is not final until the last screen', () => {
    expect(finalAnswers('ODI', answerAll('ODI', ['1', '1', '1']))).toBeNull();
  });

  it('refuses answers out of range and skipping ahead', () => {
    const draft = emptyDraft('ODI', null);
    for (const answer of ['6', '-1', '2.5', 'abc', '']) {
      const outcome = applyStep('ODI', draft, { submissionId, step: '0', answer });
      expect(outcome.ok).toBe(false);
    }
    expect(applyStep('ODI', draft, { submissionId, step: '4', answer: '1' })).toMatchObject({ ok: false, fieldErrors: { form: [expect.any(String)] } });
  });

  it('allows going back to change an earlier answer without losing later ones', () => {
    const draft = answerAll('ODI', ['1', '1', '1']) as OdiDraft;
    const changed = applyStep('ODI', draft, { submissionId, step: '0', answer: '4' });
    expect(changed.ok && changed.draft).toEqual({ step: 3, sections: [4, 1, 1, null, null, null, null, null, null, null] });
  });
});

describe('STarT Back screens', () => {
  it('collects agree/disagree and bothersomeness over three screens', () => {
    let draft = emptyDraft('STARTBACK', null);
    const screens = [
      { 'item-0': 'agree', 'item-1': 'disagree', 'item-2': 'disagree', 'item-3': 'disagree' },
      { 'item-4': 'agree', 'item-5': 'agree', 'item-6': 'agree', 'item-7': 'disagree' },
      { 'item-8': 'Very much' },
    ];
    screens.forEach((fields, step) => {
      const outcome = applyStep('STARTBACK', draft, { submissionId, step: String(step), ...fields });
      expect(outcome.ok).toBe(true);
      if (outcome.ok) draft = outcome.draft;
    });
    expect(finalAnswers('STARTBACK', draft)).toEqual({
      agree: [true, false, false, false, true, true, true, false],
      bothersome: 'Very much',
    });
  });

  it('needs every statement on a screen answered', () => {
    const outcome = applyStep('STARTBACK', emptyDraft('STARTBACK', null), { submissionId, step: '0', 'item-0': 'agree' });
    expect(outcome.ok ? [] : Object.keys(outcome.fieldErrors).sort()).toEqual(['item-1', 'item-2', 'item-3']);
  });
});

describe('PSFS screens', () => {
  it('names 3 to 5 activities, then rates each', () => {
    const named = applyStep('PSFS', emptyDraft('PSFS', null), {
      submissionId,
      step: '0',
      'activity-0': 'Gardening',
      'activity-1': ' Lifting shopping ',
      'activity-2': '<b>Sitting</b>',
      'activity-3': '',
      'activity-4': '',
    });
    expect(named.ok).toBe(true);
    if (!named.ok) return;
    const rated = applyStep('PSFS', named.draft, { submissionId, step: '1', 'rating-0': '3', 'rating-1': '4', 'rating-2': '4' });
    expect(rated.ok && finalAnswers('PSFS', rated.draft)).toEqual({
      activities: [
        { name: 'Gardening', rating: 3 },
        { name: 'Lifting shopping', rating: 4 },
        { name: '<b>Sitting</b>', rating: 4 },
      ],
    });
  });

  it('needs at least three activities', () => {
    const outcome = applyStep('PSFS', emptyDraft('PSFS', null), { submissionId, step: '0', 'activity-0': 'Walking' });
    expect(outcome.ok).toBe(false);
  });

  it('re-rates the patient’s own activities on follow-ups', () => {
    const draft = emptyDraft('PSFS', ['Golf', 'Carrying shopping', 'Sitting on the train']) as PsfsDraft;
    expect(draft.followUp).toBe(true);
    const rated = applyStep('PSFS', draft, { submissionId, step: '0', 'rating-0': '6', 'rating-1': '7', 'rating-2': '11' });
    expect(rated.ok).toBe(false);
    const ok = applyStep('PSFS', draft, { submissionId, step: '0', 'rating-0': '6', 'rating-1': '7', 'rating-2': '8' });
    expect(ok.ok && finalAnswers('PSFS', ok.draft)).toMatchObject({ activities: [{ name: 'Golf', rating: 6 }, { name: 'Carrying shopping', rating: 7 }, { name: 'Sitting on the train', rating: 8 }] });
  });
});

describe('readDraft', () => {
  it('restarts on a malformed stored draft rather than failing', () => {
    expect(readDraft('ODI', { step: 99, sections: 'x' }, null)).toEqual(emptyDraft('ODI', null));
  });
});

describe('Roland-Morris screens', () => {
  const tick = (draft: Draft, step: number, statement: string[]) => applyStep('RMDQ', draft, { submissionId, step: String(step), statement });

  it('collects six statements a screen over four screens; an unticked box is a no', () => {
    let draft = emptyDraft('RMDQ', null);
    const ticks = [['0', '5'], [], ['12', '13', '17'], ['23']];
    ticks.forEach((statement, step) => {
      expect(finalAnswers('RMDQ', draft)).toBeNull();
      const outcome = tick(draft, step, statement);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
      draft = outcome.draft;
    });
    const answers = finalAnswers('RMDQ', draft) as { ticked: boolean[] };
    expect(answers.ticked).toHaveLength(24);
    expect(answers.ticked.flatMap((value, index) => (value ? [index] : []))).toEqual([0, 5, 12, 13, 17, 23]);
    expect(RMDQ_SCREENS).toHaveLength(4);
  });

  it.each([
    [['6'], 'a sentence from another screen'],
    [['24'], 'a sentence that does not exist'],
    [['-1'], 'a negative number'],
    [['abc'], 'text'],
    [['1', '1'], 'the same sentence twice'],
  ])('refuses %j (%s) with a clear message and changes nothing', (statement) => {
    const draft = emptyDraft('RMDQ', null);
    const outcome = tick(draft, 0, statement);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.fieldErrors.statement?.[0]).toMatch(/Tick only the sentences shown on this page|Tick each sentence once/);
    expect(draft).toEqual(emptyDraft('RMDQ', null));
  });

  it('refuses skipping ahead and unknown fields', () => {
    const draft = emptyDraft('RMDQ', null);
    expect(tick(draft, 2, []).ok).toBe(false);
    expect(applyStep('RMDQ', draft, { submissionId, step: '0', statement: [], extra: 'x' }).ok).toBe(false);
  });

  it('lets the patient go back and untick a sentence', () => {
    let draft = emptyDraft('RMDQ', null);
    for (const [step, statement] of [['0'], ['6'], ['12'], ['18']].entries()) {
      const outcome = tick(draft, step, statement);
      if (!outcome.ok) throw new Error('refused');
      draft = outcome.draft;
    }
    const back = tick(draft, 0, []);
    if (!back.ok) throw new Error('refused');
    expect((finalAnswers('RMDQ', back.draft) as { ticked: boolean[] }).ticked.filter(Boolean)).toHaveLength(3);
  });

  it('restarts a malformed stored draft', () => {
    expect(readDraft('RMDQ', { step: 9, ticked: [] }, null)).toEqual(emptyDraft('RMDQ', null));
  });
});
