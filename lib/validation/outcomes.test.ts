import { describe, expect, it } from 'vitest';
import { encodeCursor, parseDrillDown, parseOutcomeFilter } from './outcomes';

const TODAY = '2026-11-28';
const CLINICIAN = '3f2b8c1e-9a4d-4e2f-8b7a-1c2d3e4f5a6b';

describe('parseOutcomeFilter', () => {
  it('defaults to the last 12 months and all clinicians', () => {
    expect(parseOutcomeFilter({}, TODAY)).toEqual({ filter: { from: '2025-11-28', to: TODAY, clinicianId: null }, errors: {} });
  });

  it('takes a valid range and clinician', () => {
    expect(parseOutcomeFilter({ from: '2026-01-01', to: '2026-03-31', clinician: CLINICIAN }, TODAY).filter).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      clinicianId: CLINICIAN,
    });
  });

  it.each([
    [{ from: '2026-02-30' }, 'from'],
    [{ to: 'yesterday' }, 'to'],
    [{ from: '2026-1-1' }, 'from'],
    [{ clinician: "1' or '1'='1" }, 'clinician'],
    [{ clinician: 'abc\u0000' }, 'clinician'],
    [{ from: '2026-05-01', to: '2026-04-01' }, 'to'],
    [{ from: '1990-01-01', to: '2026-01-01' }, 'from'],
  ])('explains %j next to %s and falls back safely', (params, field) => {
    const result = parseOutcomeFilter(params, TODAY);
    expect(Object.keys(result.errors)).toEqual([field]);
    expect(result.filter.from <= result.filter.to).toBe(true);
  });

  it('keeps the good fields when one is bad', () => {
    const result = parseOutcomeFilter({ from: '2026-02-30', to: '2026-06-30', clinician: CLINICIAN }, TODAY);
    expect(result.filter).toEqual({ from: '2025-11-28', to: '2026-06-30', clinicianId: CLINICIAN });
  });

  it('uses the first of repeated parameters', () => {
    expect(parseOutcomeFilter({ from: ['2026-01-01', '2020-01-01'] }, TODAY).filter.from).toBe('2026-01-01');
  });
});

describe('parseDrillDown', () => {
  it('reads a group, a figure and a cursor', () => {
    const cursor = { startedAt: '2026-03-04T09:30:00.123456Z', id: CLINICIAN };
    expect(parseDrillDown({ dimension: 'risk', key: 'high', figure: 'nprs-mcid', after: encodeCursor(cursor) })).toEqual({
      dimension: 'risk',
      key: 'high',
      figure: 'nprs-mcid',
      after: cursor,
    });
  });

  it('drops anything malformed', () => {
    expect(parseDrillDown({ dimension: 'patient', key: 'x' })).toEqual({ after: null });
    expect(parseDrillDown({ figure: 'everything' })).toEqual({ after: null });
    expect(parseDrillDown({ after: "2026-01-01'; drop table episodes" })).toEqual({ after: null });
    expect(parseDrillDown({ dimension: 'month' })).toEqual({ after: null });
  });
});
