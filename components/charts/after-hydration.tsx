'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * Renders its children only in the browser, after hydration; the server sends nothing in their place.
 * For Recharts: its ResponsiveContainer draws nothing until it has measured its box in the browser, yet
 * on the server it still built every chart's component tree and store: on the patient record (eleven
 * charts) about a fifth of a view's time (docs/PERFORMANCE.md). The box keeps its size meanwhile.
 */
export function AfterHydration({ children }: { children: React.ReactNode }) {
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return hydrated ? children : null;
}
