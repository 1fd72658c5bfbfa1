import { describe, expect, it } from 'vitest';
import { refusalKey, refusalOf } from './field-result';

describe('a form redrawn after its answer', () => {
  const refused = { ok: false, values: { weekday: '3' }, fieldErrors: { startTime: ['Choose a time.'] } };

  it('gives its fields a refusal, and nothing after a save so they start afresh', () => {
    expect(refusalOf(refused)).toBe(refused);
    expect(refusalOf({ ok: true, values: { weekday: '3' } })).toBeUndefined();
  });

  it('takes a new key for each refusal with different values, and one key after any save', () => {
    expect(refusalKey(refused)).toBe('{"weekday":"3"}');
    expect(refusalKey({ ok: false, values: { weekday: '4' } })).not.toBe(refusalKey(refused));
    expect(refusalKey({ ok: true, values: { weekday: '3' } })).toBe(refusalKey({ ok: true }));
  });
});
