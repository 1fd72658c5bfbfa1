import { describe, expect, it } from 'vitest';
import { describeAuditAction } from './labels';

describe('describeAuditAction', () => {
  it.each([
    ['auth.sign-in', 'Signed in'],
    ['area.manager', 'Opened the manager area'],
    ['area.clinician|manager', 'Opened the clinician or manager area'],
    ['patient.overview.read', 'Viewed patient overview'],
    ['pain-entry.create', 'Added pain entry'],
    ['plan.update', 'Changed plan'],
    ['measurement.supersede', 'Removed measurement'],
    ['something-new', 'something new'],
  ])('%s → %s', (action, label) => {
    expect(describeAuditAction(action)).toBe(label);
  });
});
