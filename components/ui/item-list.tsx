import type { ReactNode } from 'react';

export type ListItem = { key: string; title: ReactNode; detail?: ReactNode; action?: ReactNode };

/**
 * Records one under the other, each with its title, an optional line of detail, and its own controls to
 * the right (below, on a phone). `empty` is said instead of an empty list.
 */
export function ItemList({ items, empty }: { items: ListItem[]; empty: string }) {
  if (items.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((item) => (
        <li key={item.key} className="flex flex-wrap items-center justify-between gap-3 py-2">
          <div>
            <p className="font-medium">{item.title}</p>
            {item.detail ? <p className="text-sm text-slate-700">{item.detail}</p> : null}
          </div>
          {item.action}
        </li>
      ))}
    </ul>
  );
}
