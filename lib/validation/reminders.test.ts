import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/forms/result';
import { nudgeDaysSchema, reminderPreferencesSchema } from './reminders';

const form = (overrides: Record<string, unknown> = {}) => ({
  exerciseTimes: ['08:00', '18:30', ''],
  quiet: 'on',
  quietStart: '21:00',
  quietEnd: '07:00',
  channel: { 'exercise:in-app': 'on', 'exercise:push': 'on', 'questionnaire:email': 'on' },
  ...overrides,
});

function errors(input: unknown) {
  const parsed = reminderPreferencesSchema.safeParse(input);
  expect(parsed.success).toBe(false);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe('reminder preferences form', () => {
  it('reads times, quiet hours and switches', () => {
    const parsed = reminderPreferencesSchema.parse(form({ exerciseTimes: ['18:30', '', '08:00'] }));
    expect(parsed.exerciseMinutes).toEqual([8 * 60, 18 * 60 + 30]);
    expect(parsed.quiet).toEqual({ start: 21 * 60, end: 7 * 60 });
    expect(parsed.channels.exercise).toEqual({ 'in-app': true, email: false, push: true });
    expect(parsed.channels.questionnaire).toEqual({ 'in-app': false, email: true, push: false });
    expect(parsed.channels.nudge).toEqual({ 'in-app': false, email: false, push: false });
  });

  it('no quiet hours when the box is not ticked, whatever the times say', () => {
    const { quiet, quietStart, quietEnd, ...rest } = form();
    void quiet;
    void quietStart;
    void quietEnd;
    expect(reminderPreferencesSchema.parse({ ...rest, quietStart: 'nonsense' }).quiet).toBeNull();
  });

  it.each(['8am', '25:00', '08:60', '8:00', '08:00:00', ' 08:00', '０８:００', 'abc'])('refuses the reminder time %j beside its field', (time) => {
    expect(errors(form({ exerciseTimes: ['08:00', time] }))['exerciseTimes.1']?.[0]).toMatch(/Enter a time as hours and minutes/);
  });

  it('refuses the same time twice and a time inside quiet hours', () => {
    expect(errors(form({ exerciseTimes: ['08:00', '08:00'] }))['exerciseTimes.1']?.[0]).toBe('You already have a reminder at 08:00.');
    expect(errors(form({ exerciseTimes: ['22:15'] }))['exerciseTimes.0']?.[0]).toMatch(/22:15 is inside your quiet hours \(21:00 to 07:00\)/);
    expect(errors(form({ exerciseTimes: ['06:59'] }))['exerciseTimes.0']?.[0]).toMatch(/inside your quiet hours/);
  });

  it('refuses more than six times', () => {
    expect(errors(form({ exerciseTimes: ['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00'] })).exerciseTimes?.[0]).toMatch(/at most 6/);
  });

  it('refuses quiet hours that are not times or start and end together', () => {
    expect(errors(form({ quietStart: '9pm' })).quietStart?.[0]).toMatch(/Enter a time/);
    expect(errors(form({ quietEnd: '21:00' })).quietEnd?.[0]).toMatch(/different time/);
  });

  it('refuses an unknown channel or kind with a clear message', () => {
    expect(errors(form({ channel: { 'exercise:sms': 'on' } })).channel?.[0]).toBe('Uplift cannot remind you by “sms”. Choose in Uplift, email or push.');
    expect(errors(form({ channel: { 'diet:email': 'on' } })).channel?.[0]).toBe('Uplift has no reminder called “diet”.');
    expect(errors(form({ channel: { 'exercise:email': 'yes' } })).channel).toBeDefined();
  });

  it('refuses extra fields', () => {
    expect(errors(form({ userId: '00000000-0000-0000-0000-000000000000' })).form).toBeDefined();
  });
});

describe('clinic nudge days', () => {
  it.each([['3', 3], ['1', 1], ['30', 30]])('accepts %s', (value, days) => {
    expect(nudgeDaysSchema.parse({ nudgeDays: value }).nudgeDays).toBe(days);
  });
  it.each(['0', '31', '2.5', ' 3', '1e1', '', 'three'])('refuses %j', (value) => {
    expect(nudgeDaysSchema.safeParse({ nudgeDays: value }).success).toBe(false);
  });
});
