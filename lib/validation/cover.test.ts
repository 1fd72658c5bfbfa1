import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { awaySchema, safetySettingsSchema } from './cover';

const lead = '6f1c1f9e-1c1a-4a5b-9c1d-2e3f4a5b6c7d';
const form = (overrides: Record<string, unknown> = {}) => ({ safetyLeadId: lead, emergencyMinutes: '60', sameDayMinutes: '240', reviewMinutes: '1440', ...overrides });
const errors = (input: unknown) => {
  const parsed = safetySettingsSchema.safeParse(input);
  return parsed.success ? null : z.flattenError(parsed.error).fieldErrors;
};

describe('safetySettingsSchema', () => {
  it('accepts the defaults and turns minutes into numbers', () => {
    expect(safetySettingsSchema.parse(form())).toEqual({ safetyLeadId: lead, emergencyMinutes: 60, sameDayMinutes: 240, reviewMinutes: 1440 });
  });

  it.each([
    [{ emergencyMinutes: '10' }, 'emergencyMinutes', 'Use at least 15 minutes.'],
    [{ reviewMinutes: '5000' }, 'reviewMinutes', 'Use at most 4320 minutes (3 days).'],
    [{ sameDayMinutes: '90.5' }, 'sameDayMinutes', 'Enter whole minutes for urgent alerts.'],
    [{ emergencyMinutes: 'soon' }, 'emergencyMinutes', 'Enter the minutes for emergency alerts.'],
    [{ safetyLeadId: '' }, 'safetyLeadId', 'Choose the clinician who leads patient safety.'],
  ])('refuses %o next to the field', (overrides, field, message) => {
    expect(errors(form(overrides))?.[field as 'safetyLeadId']).toEqual([message]);
  });

  it('refuses windows that make an emergency wait longer than an urgent alert', () => {
    expect(errors(form({ emergencyMinutes: '300' }))?.sameDayMinutes?.[0]).toMatch(/must not wait longer/);
  });

  it('refuses fields it does not know', () => {
    expect(safetySettingsSchema.safeParse({ ...form(), clinicId: lead }).success).toBe(false);
  });
});

describe('awaySchema', () => {
  it('asks for a cover', () => {
    const parsed = awaySchema.safeParse({ clinicianId: lead, coverId: '' });
    expect(parsed.success ? null : z.flattenError(parsed.error).fieldErrors.coverId).toEqual(['Choose a colleague to cover.']);
  });
});
