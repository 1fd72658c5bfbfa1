import { describe, expect, it } from 'vitest';
import { formDataToObject } from './form-data';

describe('formDataToObject', () => {
  it('drops React’s progressive-enhancement fields and keeps the user’s, unexpected ones too (for .strict())', () => {
    const form = new FormData();
    form.append('$ACTION_REF_1', '');
    form.append('$ACTION_1:0', '{"id":"abc","bound":"$@1"}');
    form.append('$ACTION_KEY', 'k1');
    form.append('email', 'a@example.com');
    form.append('role', 'manager');
    expect(formDataToObject(form)).toEqual({ email: 'a@example.com', role: 'manager' });
  });

  it('keeps both values of a field sent twice, so a schema expecting one refuses it', () => {
    const form = new FormData();
    form.append('score', '3');
    form.append('score', '9');
    expect(formDataToObject(form).score).toEqual(['3', '9']);
  });

  it('keeps a file only in a field named as a file field', () => {
    const form = new FormData();
    const file = new File(['a,b'], 'patients.csv', { type: 'text/csv' });
    form.append('file', file);
    form.append('note', file);
    const fields = formDataToObject(form, { files: ['file'] });
    expect(fields.file).toBeInstanceOf(File);
    expect(fields.note).toEqual({ file: true });
  });

  it('collects lists and group-key fields', () => {
    const form = new FormData();
    form.append('locations', 'back');
    form.append('locations', 'leg');
    form.append('redFlags-night-pain', 'no');
    expect(formDataToObject(form, { arrays: ['locations', 'statement'], groups: ['redFlags'] })).toEqual({
      locations: ['back', 'leg'],
      statement: [],
      redFlags: { 'night-pain': 'no' },
    });
  });
});
