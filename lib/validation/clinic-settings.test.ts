import { describe, expect, it } from 'vitest';
import { clinicLocationSchema, ownTimeZoneSchema } from './clinic-settings';

describe('clinicLocationSchema', () => {
  it('accepts an IANA zone in any case and a known country, and stores the canonical zone', () => {
    expect(clinicLocationSchema.parse({ timeZone: ' america/new_york ', country: 'US' })).toEqual({ timeZone: 'America/New_York', country: 'US' });
  });

  it.each([
    [{ timeZone: 'EST', country: 'US' }, 'timeZone', '“EST” is not a time zone we know'],
    [{ timeZone: 'Europe/Londn', country: 'GB' }, 'timeZone', 'is not a time zone we know'],
    [{ timeZone: '', country: 'GB' }, 'timeZone', 'is not a time zone we know'],
    [{ timeZone: 'Europe/London', country: 'FR' }, 'country', 'Choose the clinic’s country'],
    [{ timeZone: 'Europe/London' }, 'country', 'Choose the clinic’s country'],
  ])('refuses %j with a message on %s', (input, field, message) => {
    const result = clinicLocationSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((candidate) => candidate.path[0] === field);
    expect(issue?.message).toContain(message);
  });

  it('refuses extra fields', () => {
    expect(clinicLocationSchema.safeParse({ timeZone: 'UTC', country: 'GB', clinicId: 'x' }).success).toBe(false);
  });
});

describe('ownTimeZoneSchema', () => {
  it('stores "follow the clinic" as no zone of their own, whatever was typed', () => {
    expect(ownTimeZoneSchema.parse({ choice: 'clinic', timeZone: 'nonsense' })).toEqual({ timeZone: null });
  });

  it('takes an IANA zone of their own', () => {
    expect(ownTimeZoneSchema.parse({ choice: 'own', timeZone: 'Australia/Sydney' })).toEqual({ timeZone: 'Australia/Sydney' });
  });

  it.each([['own', ''], ['own', 'GMT+10'], ['own', undefined]])('refuses choice %s with zone %j, on the zone field', (choice, timeZone) => {
    const result = ownTimeZoneSchema.safeParse({ choice, timeZone });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['timeZone']);
  });

  it('refuses a missing choice', () => {
    expect(ownTimeZoneSchema.safeParse({ timeZone: 'UTC' }).success).toBe(false);
  });
});
