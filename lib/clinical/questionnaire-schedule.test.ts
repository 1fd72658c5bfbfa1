import { describe, expect, it } from 'vitest';
import { nextQuestionnaireDue, type DueInput } from './questionnaire-schedule';

const base: DueInput = {
  instrument: 'ODI',
  episodeStartDay: '2026-10-01',
  today: '2026-10-10',
  episodeIntervalWeeks: 4,
  override: null,
  completedDays: [],
};

describe('nextQuestionnaireDue', () => {
  it('asks for a baseline at the start of the episode', () => {
    expect(nextQuestionnaireDue(base)).toEqual({ dueDay: '2026-10-01', reason: 'baseline', isDue: true, isOverdue: true });
    expect(nextQuestionnaireDue({ ...base, today: '2026-10-03' })).toMatchObject({ isDue: true, isOverdue: false });
  });

  it('is due again 4 weeks after the last completed response', () => {
    const due = nextQuestionnaireDue({ ...base, completedDays: ['2026-10-01'] });
    expect(due).toEqual({ dueDay: '2026-10-29', reason: 'routine', isDue: false, isOverdue: false });
    expect(nextQuestionnaireDue({ ...base, today: '2026-10-29', completedDays: ['2026-10-01'] })?.isDue).toBe(true);
  });

  it('uses the latest completion, whatever the order given', () => {
    expect(nextQuestionnaireDue({ ...base, completedDays: ['2026-10-29', '2026-10-01'] })?.dueDay).toBe('2026-11-26');
  });

  it('follows the episode interval and a per-instrument override', () => {
    expect(nextQuestionnaireDue({ ...base, episodeIntervalWeeks: 2, completedDays: ['2026-10-01'] })?.dueDay).toBe('2026-10-15');
    expect(
      nextQuestionnaireDue({ ...base, override: { enabled: true, intervalWeeks: 6, dueDay: null }, completedDays: ['2026-10-01'] })?.dueDay,
    ).toBe('2026-11-12');
  });

  it('is never due when the clinician switches it off', () => {
    expect(nextQuestionnaireDue({ ...base, override: { enabled: false, intervalWeeks: null, dueDay: null } })).toBeNull();
  });

  it('asks STarT Back at baseline only, unless the clinician sets an interval or requests it', () => {
    const startBack = { ...base, instrument: 'STARTBACK' as const };
    expect(nextQuestionnaireDue(startBack)?.reason).toBe('baseline');
    expect(nextQuestionnaireDue({ ...startBack, completedDays: ['2026-10-01'] })).toBeNull();
    expect(
      nextQuestionnaireDue({ ...startBack, completedDays: ['2026-10-01'], override: { enabled: true, intervalWeeks: null, dueDay: '2026-11-05' } }),
    ).toEqual({ dueDay: '2026-11-05', reason: 'requested', isDue: false, isOverdue: false });
  });

  it('treats a request as met by a response from the week before it', () => {
    const override = { enabled: true, intervalWeeks: null, dueDay: '2026-10-20' };
    expect(nextQuestionnaireDue({ ...base, override, completedDays: ['2026-10-14'] })?.reason).toBe('routine');
    expect(nextQuestionnaireDue({ ...base, override, completedDays: ['2026-10-01'] })).toMatchObject({ dueDay: '2026-10-20', reason: 'requested' });
  });

  it('does not schedule the RMDQ unless the clinician enables it', () => {
    expect(nextQuestionnaireDue({ ...base, instrument: 'RMDQ' })).toBeNull();
    expect(nextQuestionnaireDue({ ...base, instrument: 'RMDQ', override: { enabled: true, intervalWeeks: 4, dueDay: null } })?.reason).toBe('baseline');
  });

  it('rejects impossible days and intervals', () => {
    expect(() => nextQuestionnaireDue({ ...base, today: '2026-13-01' })).toThrow(RangeError);
    expect(() => nextQuestionnaireDue({ ...base, episodeIntervalWeeks: 0, completedDays: ['2026-10-01'] })).toThrow(RangeError);
  });
});
