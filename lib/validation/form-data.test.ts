import { describe, expect, it } from 'vitest';
import { formFields } from './form-data';

describe('formFields', () => {
  it('drops React’s progressive-enhancement fields and keeps the user’s', () => {
    const form = new FormData();
    form.append('$ACTION_REF_1', '');
    form.append('$ACTION_1:0', '{"id":"abc","bound":"$@1"}');
    form.append('$ACTION_KEY', 'k1');
    form.append('email', 'a@example.com');
    form.append('__proto__', 'x');
    expect(Object.keys(formFields(form))).toEqual(['email', '__proto__']);
    expect(formFields(form).email).toBe('a@example.com');
  });
});
