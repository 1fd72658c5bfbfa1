import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CheckboxField } from './checkbox-field';
import { CheckboxGroup, ChoiceField, ScaleField } from './choice-fields';
import { SelectField } from './select-field';
import { TextAreaField } from './text-area';
import { TextField } from './text-field';

/** The element with `id`'s attributes, read from static markup (React's useId ids contain colons, escaped here). */
function describedText(html: string, describedBy: string): string[] {
  return describedBy.split(' ').map((id) => {
    const match = new RegExp(`id="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>([^<]*)<`).exec(html);
    return match?.[1] ?? `(no element ${id})`;
  });
}

const refused = { values: { name: 'Ann <b>', day: 'no', ends: '7', tick: 'on' }, fieldErrors: { name: ['Enter a shorter name.'], day: ['Choose a day.'], ends: ['Choose a number.'], tick: ['Tick the box.'] } };

describe('the field set, wired to a form result', () => {
  it('a text field shows what was typed and its message, tied with aria-invalid and aria-describedby', () => {
    const html = renderToStaticMarkup(h(TextField, { label: 'Name', name: 'name', hint: 'As on the letter.', result: refused, defaultValue: 'Saved name' }));
    expect(html).toContain('value="Ann &lt;b&gt;"');
    expect(html).toContain('aria-invalid="true"');
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)![1]!;
    expect(describedText(html, describedBy)).toEqual(['As on the letter.', 'Enter a shorter name.']);
  });

  it('without a refusal a field shows its saved value and is not marked invalid', () => {
    const html = renderToStaticMarkup(h(TextAreaField, { label: 'Name', name: 'name', result: { values: undefined }, defaultValue: 'Saved name' }));
    expect(html).toContain('>Saved name</textarea>');
    expect(html).not.toContain(' aria-invalid="');
    expect(html).not.toContain(' aria-describedby="');
  });

  it('a select keeps the choice sent and says what is wrong', () => {
    const html = renderToStaticMarkup(h(SelectField, { label: 'Day', name: 'day', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }], result: refused }));
    expect(html).toMatch(/<option value="no" selected="">No<\/option>/);
    expect(describedText(html, /aria-describedby="([^"]+)"/.exec(html)![1]!)).toEqual(['Choose a day.']);
  });

  it('a tick box is named by its label and carries its message', () => {
    const html = renderToStaticMarkup(h(CheckboxField, { name: 'tick', label: 'Discharge this patient', result: refused }));
    const id = /<input id="([^"]+)"/.exec(html)![1]!;
    expect(html).toContain(`<label for="${id}"`);
    expect(describedText(html, /aria-describedby="([^"]+)"/.exec(html)![1]!)).toEqual(['Tick the box.']);
  });

  it('choice fields are fieldsets with a legend, the hint and message described, the sent answer checked', () => {
    const choice = renderToStaticMarkup(h(ChoiceField, { name: 'day', legend: 'Any new numbness?', hint: 'Since your last visit.', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }], defaultValue: 'no', errors: ['Choose a day.'] }));
    expect(choice).toMatch(/^<fieldset aria-describedby="[^"]+" aria-invalid="true"><legend[^>]*>Any new numbness\?<\/legend>/);
    expect(describedText(choice, /aria-describedby="([^"]+)"/.exec(choice)![1]!)).toEqual(['Since your last visit.', 'Choose a day.']);
    expect(choice).toMatch(/checked="" value="no"/);
    const scale = renderToStaticMarkup(h(ScaleField, { name: 'ends', legend: 'Pain now', defaultValue: '7', errors: ['Choose a number.'], optional: true }));
    expect(scale).toContain('(optional)');
    expect(scale.match(/type="radio"/g)).toHaveLength(11);
    expect(scale).toMatch(/checked="" value="7"/);
    const ends = describedText(scale, /aria-describedby="([^"]+)"/.exec(scale)![1]!);
    expect(ends).toHaveLength(2);
    expect(ends[1]).toBe('Choose a number.');
    const group = renderToStaticMarkup(h(CheckboxGroup, { name: 'where', legend: 'Where is the pain?', options: [{ value: 'back', label: 'Back' }, { value: 'leg', label: 'Leg' }], defaultValues: ['leg'] }));
    expect(group).not.toContain(' aria-invalid="');
    expect(group).toMatch(/checked="" value="leg"/);
    expect(group).not.toMatch(/checked="" value="back"/);
  });
});
