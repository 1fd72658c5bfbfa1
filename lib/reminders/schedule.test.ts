import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_PREFERENCES, type ReminderPreferences } from './preferences';
import { remindersDue, type ReminderFacts } from './schedule';

const USER = '11111111-1111-4111-8111-111111111111';

function facts(overrides: Partial<ReminderFacts> = {}, preferences: Partial<ReminderPreferences> = {}): ReminderFacts {
  return {
    userId: USER,
    timeZone: 'America/New_York',
    preferences: { ...DEFAULT_REMINDER_PREFERENCES, exerciseMinutes: [8 * 60], quiet: { start: 22 * 60, end: 7 * 60 }, ...preferences },
    planHasExercisesToday: true,
    dueQuestionnaires: [],
    lastActivityDay: '2027-01-14',
    nudgeDays: 3,
    ...overrides,
  };
}

const kinds = (at: string, input: ReminderFacts) => remindersDue(new Date(at), input).map((reminder) => reminder.kind);

describe('exercise reminders in the patient’s own zone', () => {
  it('08:00 in New York is 13:00 UTC in winter', () => {
    expect(kinds('2027-01-15T12:59:00Z', facts())).toEqual([]);
    expect(remindersDue(new Date('2027-01-15T13:00:00Z'), facts())).toEqual([
      { kind: 'exercise', dedupeKey: `reminder:exercise:${USER}:2027-01-15:08:00`, channels: ['in-app', 'push'] },
    ]);
  });

  it('08:00 in New York is 12:00 UTC in summer', () => {
    const summer = facts({ lastActivityDay: '2027-07-14' });
    expect(kinds('2027-07-15T11:59:00Z', summer)).toEqual([]);
    expect(kinds('2027-07-15T12:00:00Z', summer)).toEqual(['exercise']);
    expect(kinds('2027-07-15T13:00:00Z', summer)).toEqual([]);
  });

  it('goes up to an hour late, with the same key, then not at all', () => {
    const late = remindersDue(new Date('2027-01-15T13:59:00Z'), facts());
    expect(late.map((reminder) => reminder.dedupeKey)).toEqual([`reminder:exercise:${USER}:2027-01-15:08:00`]);
    expect(kinds('2027-01-15T14:00:00Z', facts())).toEqual([]);
  });

  it('only on days the plan still has exercises', () => {
    expect(kinds('2027-01-15T13:00:00Z', facts({ planHasExercisesToday: false }))).toEqual([]);
  });

  it('not when every channel for exercise reminders is off', () => {
    const off = { ...DEFAULT_REMINDER_PREFERENCES.channels, exercise: { 'in-app': false, email: false, push: false } };
    expect(kinds('2027-01-15T13:00:00Z', facts({}, { channels: off }))).toEqual([]);
  });

  it('of two times whose windows overlap, only the later one goes', () => {
    const twice = facts({}, { exerciseMinutes: [8 * 60, 8 * 60 + 30] });
    expect(remindersDue(new Date('2027-01-15T13:40:00Z'), twice).map((reminder) => reminder.dedupeKey)).toEqual([`reminder:exercise:${USER}:2027-01-15:08:30`]);
  });
});

describe('quiet hours', () => {
  it('nothing is sent during quiet hours, even at a chosen time', () => {
    // 06:30 in New York, inside quiet hours that run 22:00 to 07:00.
    const early = facts({ dueQuestionnaires: [{ instrument: 'ODI', dueDay: '2027-01-10' }], lastActivityDay: '2027-01-01' }, { exerciseMinutes: [6 * 60 + 30] });
    expect(kinds('2027-01-15T11:30:00Z', early)).toEqual([]);
  });

  it('quiet hours that do not wrap midnight are honoured too', () => {
    const dayQuiet = facts({ dueQuestionnaires: [{ instrument: 'ODI', dueDay: '2027-01-15' }] }, { quiet: { start: 9 * 60, end: 17 * 60 } });
    // 12:00 in New York: quiet.
    expect(kinds('2027-01-15T17:00:00Z', dayQuiet)).toEqual([]);
    // 17:00: quiet hours are over and the questionnaire reminder, held back, goes now.
    expect(kinds('2027-01-15T22:00:00Z', dayQuiet)).toEqual(['questionnaire']);
  });
});

describe('questionnaire due and the nudge', () => {
  it('a due questionnaire is reminded once per due day, from 09:00', () => {
    const due = facts({ dueQuestionnaires: [{ instrument: 'PSFS', dueDay: '2027-01-16' }, { instrument: 'ODI', dueDay: '2027-01-15' }] }, { exerciseMinutes: [] });
    expect(kinds('2027-01-15T13:59:00Z', due)).toEqual([]);
    expect(remindersDue(new Date('2027-01-15T14:00:00Z'), due)).toEqual([
      { kind: 'questionnaire', dedupeKey: `reminder:questionnaire:${USER}:ODI:2027-01-15`, channels: ['in-app', 'email', 'push'] },
    ]);
  });

  it('the nudge goes after the clinic’s number of days with nothing logged, once per quiet spell', () => {
    const quiet = facts({ lastActivityDay: '2027-01-12' }, { exerciseMinutes: [] });
    expect(kinds('2027-01-14T15:00:00Z', quiet)).toEqual([]);
    const nudge = remindersDue(new Date('2027-01-15T15:00:00Z'), quiet);
    expect(nudge.map((reminder) => reminder.dedupeKey)).toEqual([`reminder:nudge:${USER}:2027-01-12`]);
    // Days later, still nothing logged: the same key, so the same single nudge.
    expect(remindersDue(new Date('2027-01-18T15:00:00Z'), quiet).map((reminder) => reminder.dedupeKey)).toEqual([`reminder:nudge:${USER}:2027-01-12`]);
    expect(kinds('2027-01-15T15:00:00Z', facts({ lastActivityDay: '2027-01-12', nudgeDays: 5 }, { exerciseMinutes: [] }))).toEqual([]);
  });
});
