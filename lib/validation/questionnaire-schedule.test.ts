import { describe, expect, it } from 'vitest';
import { fieldErrorsOf as fieldErrors } from '@/lib/forms/result';
import { questionnaireScheduleSchema } from './questionnaire-schedule';

const schema = questionnaireScheduleSchema('2026-12-03');
const valid = { instrument: 'RMDQ', enabled: 'yes', intervalWeeks: '4', requestBy: '' };

describe('questionnaireScheduleSchema', () => {
  it('accepts a switched-on repeating questionnaire, a one-off, and a request date from today', () => {
    expect(schema.parse(valid)).toEqual({ instrument: 'RMDQ', enabled: true, intervalWeeks: 4, requestBy: null });
    expect(schema.parse({ ...valid, intervalWeeks: '', requestBy: '2026-12-03' })).toEqual({ instrument: 'RMDQ', enabled: true, intervalWeeks: null, requestBy: '2026-12-03' });
    expect(schema.parse({ ...valid, enabled: 'no' }).enabled).toBe(false);
  });

  it.each(['0', '53', '1e1', '0x5', '2.5', '-1', 'four', ' 4x'])('refuses an interval of %j with a clear message', (intervalWeeks) => {
    const result = schema.safeParse({ ...valid, intervalWeeks });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!).intervalWeeks?.[0]).toMatch(/whole number from 1 to 52/);
  });

  it.each([
    ['2026-12-02', /today or a later date/],
    ['2026-02-30', /real date/],
    ['next week', /Enter a date/],
  ])('refuses a request date of %j', (requestBy, message) => {
    const result = schema.safeParse({ ...valid, requestBy });
    expect(fieldErrors(result.error!).requestBy?.[0]).toMatch(message);
  });

  it('refuses an unknown questionnaire, a missing choice and extra fields', () => {
    expect(fieldErrors(schema.safeParse({ ...valid, instrument: 'SF36' }).error!).instrument?.[0]).toBe('Choose a questionnaire from the list.');
    expect(schema.safeParse({ ...valid, enabled: 'maybe' }).success).toBe(false);
    expect(schema.safeParse({ ...valid, episodeId: 'x' }).success).toBe(false);
  });
});
