import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * `next/link` that does not prefetch unless asked to. `next/link` prefetches every link that scrolls into
 * view, and each prefetch is a request the server answers. Every signed-in page of Uplift is rendered per
 * request, and the patient and clinician areas have no loading screen, so a prefetch brings back only the
 * route's outline, never its content: the click waits for the server either way. Measured in a real
 * browser, the patient's Today page sent 33 prefetches from a phone and the caseload 34, costing the
 * server many times what the page itself did (docs/PERFORMANCE.md, "The browser asks the server for little"). Pass `prefetch` where a
 * loading screen makes it worth it (the manager area).
 */
export function AppLink({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
