import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column } from './data-table';
import { NumberField } from './number-field';

type Row = { id: string; name: string; visits: number };

const columns: Column<Row>[] = [
  { label: 'Clinician', rowHeader: true, cell: (row) => row.name },
  { label: 'Visits due', numeric: true, cell: (row) => row.visits },
  { label: 'Actions', controls: true, hideLabel: true, cell: (row) => h('button', { type: 'submit' }, `Remove ${row.name}`) },
];

describe('DataTable', () => {
  const html = renderToStaticMarkup(
    h(DataTable<Row>, { caption: 'Visits by clinician', columns, rows: [{ id: 'a', name: 'Alex Morgan', visits: 3 }], rowKey: (row) => row.id }),
  );

  it('is named by its caption and heads each column', () => {
    expect(html).toContain('<caption class="sr-only">Visits by clinician</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html).toMatch(/<th scope="col"[^>]*><span class="sr-only">Actions<\/span><\/th>/);
  });

  it('gives every value cell its column label for the phone layout, and names the row by its header cell', () => {
    expect(html).toMatch(/<th scope="row"[^>]*>Alex Morgan<\/th>/);
    expect(html).toMatch(/<td data-label="Visits due" class="[^"]*text-right[^"]*">3<\/td>/);
    // A cell of controls carries no label: its buttons name themselves.
    expect(html).toMatch(/<td class="[^"]*"><button type="submit">Remove Alex Morgan<\/button><\/td>/);
  });
});

describe('NumberField', () => {
  it('shows the saved number, or what was typed after a refusal', () => {
    const saved = renderToStaticMarkup(h(NumberField, { label: 'Days', name: 'days', value: 14 }));
    expect(saved).toContain('value="14"');
    expect(saved).toContain('inputMode="numeric"');
    const refused = renderToStaticMarkup(h(NumberField, { label: 'Days', name: 'days', value: 14, result: { values: { days: '1e1' }, fieldErrors: { days: ['Enter a whole number.'] } } }));
    expect(refused).toContain('value="1e1"');
    expect(refused).toContain('Enter a whole number.');
  });

  it('leaves the field empty for no value', () => {
    expect(renderToStaticMarkup(h(NumberField, { label: 'Weeks', name: 'weeks', value: null }))).toContain('value=""');
  });
});
