import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/forms/result';
import { formDataToObject } from './form-data';
import { NEW_SYMPTOM_RED_FLAG_QUESTIONS, PAIN_LOG_RED_FLAG_QUESTIONS, painEntrySchema, painEntryUpdateSchema } from './pain';

const allNo: Record<string, string> = Object.fromEntries(PAIN_LOG_RED_FLAG_QUESTIONS.map((question) => [`redFlags-${question.key}`, 'no']));

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

const valid: Record<string, string> = { submissionId: '7b0c3f5e-8a52-4a9e-9c1e-2f6a3f0d9b11', score: '5', worst24h: '', belowKnee: 'no', note: '', newSymptom: 'no', ...allNo };
const periodicNo: Record<string, string> = Object.fromEntries(NEW_SYMPTOM_RED_FLAG_QUESTIONS.map((question) => [`redFlags-${question.key}`, 'no']));

const parse = (fields: Record<string, string | string[]>) =>
  painEntrySchema.safeParse(formDataToObject(form(fields), { arrays: ['locations'], groups: ['redFlags'] }));

describe('painEntrySchema', () => {
  it('accepts a complete entry and turns answers into values', () => {
    const result = parse({ ...valid, locations: ['lower-back', 'left-leg'], worst24h: '7', note: '  Worse after sitting  ' });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ score: 5, worst24h: 7, locations: ['lower-back', 'left-leg'], belowKnee: false, note: 'Worse after sitting' });
    expect(Object.values(result.data!.redFlags).every((answer) => answer === false)).toBe(true);
  });

  it.each(['11', '-1', '2.5', 'abc', '', ' 5 ', '1e1', '0x5', '５', 'NaN', 'Infinity', '99999999999999999999'])('rejects pain %j', (score) => {
    const result = parse({ ...valid, score });
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrorsOf(result.error!))).toEqual(['score']);
  });

  it('rejects a missing pain score with a message for that field', () => {
    const { score: _score, ...rest } = valid;
    const result = parse(rest);
    expect(fieldErrorsOf(result.error!).score?.[0]).toMatch(/0 \(no pain\) to 10/);
  });

  it('rejects notes over 1,000 characters but keeps markup as text', () => {
    expect(parse({ ...valid, note: 'x'.repeat(1000) }).success).toBe(true);
    expect(fieldErrorsOf(parse({ ...valid, note: 'x'.repeat(1001) }).error!).note?.[0]).toMatch(/1,000 characters/);
    const markup = parse({ ...valid, note: '<script>alert(1)</script><img src=x onerror=alert(1)>' });
    expect(markup.data?.note).toBe('<script>alert(1)</script><img src=x onerror=alert(1)>');
  });

  it('counts characters, not UTF-16 units, and refuses NUL and broken characters', () => {
    expect(parse({ ...valid, note: '😀'.repeat(1000) }).success).toBe(true);
    expect(parse({ ...valid, note: 'a\u0000b' }).success).toBe(false);
    // FormData already turns a lone surrogate into U+FFFD; a raw object (another caller) must still be refused.
    const raw = formDataToObject(form(valid), { arrays: ['locations'], groups: ['redFlags'] });
    expect(painEntrySchema.safeParse({ ...raw, note: 'a\uD800b' }).success).toBe(false);
  });

  it('requires every safety question and refuses unknown ones', () => {
    const { ['redFlags-bowel-control']: _skipped, ...missing } = valid;
    expect(Object.keys(fieldErrorsOf(parse(missing).error!))).toEqual(['redFlags.bowel-control']);
    expect(parse({ ...valid, 'redFlags-made-up': 'yes' }).success).toBe(false);
    expect(parse({ ...valid, 'redFlags-bowel-control': 'maybe' }).success).toBe(false);
  });

  it('asks nothing more when nothing is new, and stores only the questions answered', () => {
    const result = parse(valid);
    expect(result.data?.newSymptom).toBe(false);
    expect(Object.keys(result.data!.redFlags).sort()).toEqual(PAIN_LOG_RED_FLAG_QUESTIONS.map((question) => question.key).sort());
  });

  it('requires the cancer, infection and fracture questions when a symptom is new or different', () => {
    const result = parse({ ...valid, newSymptom: 'yes' });
    expect(Object.keys(fieldErrorsOf(result.error!)).sort()).toEqual(
      ['redFlags.fever', 'redFlags.night-pain', 'redFlags.trauma', 'redFlags.weight-loss'],
    );
    expect(fieldErrorsOf(result.error!)['redFlags.night-pain']?.[0]).toMatch(/something is new/);
    const answered = parse({ ...valid, newSymptom: 'yes', ...periodicNo, 'redFlags-night-pain': 'yes' });
    expect(answered.data?.redFlags).toMatchObject({ 'night-pain': true, fever: false, 'weight-loss': false, trauma: false });
  });

  it('keeps a yes to a new-symptom question even when the patient then said nothing is new', () => {
    expect(parse({ ...valid, newSymptom: 'no', 'redFlags-fever': 'yes' }).data?.redFlags.fever).toBe(true);
  });

  it('requires the new-symptom answer', () => {
    const { newSymptom: _left, ...rest } = valid;
    expect(Object.keys(fieldErrorsOf(parse(rest).error!))).toEqual(['newSymptom']);
    expect(parse({ ...valid, 'redFlags-fever': 'maybe' }).success).toBe(false);
  });

  it('refuses extra fields, unknown places and a scalar sent twice', () => {
    expect(parse({ ...valid, patientId: '7b0c3f5e-8a52-4a9e-9c1e-2f6a3f0d9b11' }).success).toBe(false);
    expect(parse({ ...valid, locations: ['kidney'] }).success).toBe(false);
    expect(parse({ ...valid, locations: ['buttock', 'buttock'] }).success).toBe(false);
    expect(parse({ ...valid, score: ['5', '6'] }).success).toBe(false);
  });

  it('refuses a malformed submission id', () => {
    expect(parse({ ...valid, submissionId: 'not-a-uuid' }).success).toBe(false);
  });
});

describe('painEntryUpdateSchema', () => {
  it('needs the entry id and the version it was read at', () => {
    const { submissionId: _id, ...fields } = valid;
    const ok = painEntryUpdateSchema.safeParse(
      formDataToObject(form({ ...fields, id: '7b0c3f5e-8a52-4a9e-9c1e-2f6a3f0d9b11', version: '1764321000123' }), { arrays: ['locations'], groups: ['redFlags'] }),
    );
    expect(ok.success).toBe(true);
    expect(ok.data?.version).toBe(1764321000123);
    const stale = painEntryUpdateSchema.safeParse(formDataToObject(form({ ...fields, id: 'x', version: 'abc' }), { arrays: ['locations'], groups: ['redFlags'] }));
    expect(Object.keys(fieldErrorsOf(stale.error!)).sort()).toEqual(['id', 'version']);
  });
});
