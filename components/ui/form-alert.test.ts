import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormOutcome } from './form-alert';

describe('FormOutcome', () => {
  it('says nothing before the form is sent, or when a refusal has only field messages', () => {
    expect(renderToStaticMarkup(h(FormOutcome, { result: { ok: false }, saved: 'Saved.' }))).toBe('');
  });

  it('announces a refusal as an alert', () => {
    const html = renderToStaticMarkup(h(FormOutcome, { result: { ok: false, formError: 'Check the answers marked below.' }, saved: 'Saved.' }));
    expect(html).toMatch(/^<div role="alert"[^>]*>Check the answers marked below.<\/div>$/);
  });

  it('reports a save as a status', () => {
    expect(renderToStaticMarkup(h(FormOutcome, { result: { ok: true }, saved: 'Hours added.' }))).toMatch(/^<div role="status"[^>]*>Hours added.<\/div>$/);
  });
});
