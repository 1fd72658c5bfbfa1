import { describe, expect, it } from 'vitest';
import { ageOn, retentionEnd } from './retention';

const closed = new Date('2026-03-10T12:00:00Z');

describe('retentionEnd', () => {
  it('keeps an adult record for the clinic’s period after closure', () => {
    expect(retentionEnd(closed, 8, '1970-05-01').toISOString()).toBe('2034-03-10T12:00:00.000Z');
    expect(retentionEnd(closed, 10, null).toISOString()).toBe('2036-03-10T12:00:00.000Z');
  });

  it('keeps a child’s record until their 25th birthday when that is later', () => {
    // 12 at closure: 25th birthday in 2039, after closure + 8 years (2034).
    expect(retentionEnd(closed, 8, '2014-01-20').toISOString()).toBe('2039-01-20T00:00:00.000Z');
  });

  it('keeps the record of someone who was 17 at closure until their 26th birthday', () => {
    expect(ageOn('2008-06-01', closed)).toBe(17);
    expect(retentionEnd(closed, 8, '2008-06-01').toISOString()).toBe('2034-06-01T00:00:00.000Z');
  });

  it('uses the adult period when it ends after the child’s birthday rule', () => {
    expect(retentionEnd(closed, 20, '2014-01-20').toISOString()).toBe('2046-03-10T12:00:00.000Z');
  });

  it('counts age by birthday, not by year', () => {
    expect(ageOn('2000-03-11', closed)).toBe(25);
    expect(ageOn('2000-03-10', closed)).toBe(26);
  });
});
