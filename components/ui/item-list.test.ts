import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ItemList } from './item-list';

describe('ItemList', () => {
  it('says its empty text instead of an empty list', () => {
    const html = renderToStaticMarkup(h(ItemList, { items: [], empty: 'No goals yet.' }));
    expect(html).toBe('<p class="text-slate-700">No goals yet.</p>');
  });

  it('lists each item with its title, its detail only when there is one, and its controls', () => {
    const html = renderToStaticMarkup(
      h(ItemList, {
        empty: 'None.',
        items: [
          { key: 'a', title: 'Walk 20 minutes', detail: 'Free-text goal · Active', action: h('button', null, 'Mark achieved') },
          { key: 'b', title: 'Monday 09:00–12:00' },
        ],
      }),
    );
    expect(html.match(/<li /g)).toHaveLength(2);
    expect(html).toContain('<p class="font-medium">Walk 20 minutes</p><p class="text-sm text-slate-700">Free-text goal · Active</p></div><button>Mark achieved</button>');
    expect(html).toContain('<p class="font-medium">Monday 09:00–12:00</p></div></li>');
  });
});
