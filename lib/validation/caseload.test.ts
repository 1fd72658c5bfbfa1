import { describe, expect, it } from 'vitest';
import { caseloadQuerySchema } from './caseload';

describe('caseloadQuerySchema', () => {
  it('reads valid parameters', () => {
    expect(caseloadQuerySchema.parse({ sort: 'pain', dir: 'desc', flag: 'inactive', q: 'sam', page: '3' })).toEqual({
      sort: 'pain',
      dir: 'desc',
      flag: 'inactive',
      q: 'sam',
      page: 3,
    });
  });
  it('falls back to defaults for anything unexpected', () => {
    expect(caseloadQuerySchema.parse({ sort: 'drop table', dir: 'sideways', flag: 'x', q: 'a'.repeat(500), page: '-2' })).toEqual({
      sort: 'attention',
      dir: 'asc',
      flag: null,
      q: '',
      page: 1,
    });
    expect(caseloadQuerySchema.parse({})).toMatchObject({ sort: 'attention', page: 1 });
    expect(caseloadQuerySchema.parse({ page: ['2', '5'] }).page).toBe(2);
  });
});
