import { describe, expect, it } from 'vitest';
import { wholeFormMessage } from './patient-form';

describe('wholeFormMessage', () => {
  it('is the form’s own message first', () => {
    expect(wholeFormMessage({ ok: false, formError: 'Please try again.', fieldErrors: { submissionId: ['Reload the page.'] } }, ['submissionId'])).toBe('Please try again.');
  });

  it('shows a message about a hidden field, which has no field on screen to sit beside', () => {
    expect(wholeFormMessage({ ok: false, fieldErrors: { score: ['Choose a number.'], version: ['Changed elsewhere.'] } }, ['id', 'version'])).toBe('Changed elsewhere.');
  });

  it('shows a message about the answers as a whole', () => {
    expect(wholeFormMessage({ ok: false, fieldErrors: { form: ['Answer at least one question.'] } }, ['submissionId'])).toBe('Answer at least one question.');
  });

  it('leaves messages about visible fields beside those fields', () => {
    expect(wholeFormMessage({ ok: false, fieldErrors: { score: ['Choose a number.'] } }, ['submissionId'])).toBeUndefined();
    expect(wholeFormMessage({ ok: true }, ['submissionId'])).toBeUndefined();
  });
});
