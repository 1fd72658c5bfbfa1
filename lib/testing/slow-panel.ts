import 'server-only';
import { headers } from 'next/headers';

/** Long enough for a test to see a skeleton on screen, short enough to keep the journey quick. */
const HELD_MS = 2_500;

/**
 * End-to-end tests only: holds back one streamed panel so a test can watch its skeleton arrive first
 * and then be replaced (e2e/streaming.spec.ts). It acts only when the server runs with
 * UPLIFT_TEST_HOOKS=1, which the Playwright server sets and production never does, and only for a
 * request that names the panel in its `x-uplift-slow-panel` header; everything else passes straight on.
 */
export async function holdPanelForTest(panel: string): Promise<void> {
  if (process.env.UPLIFT_TEST_HOOKS !== '1') return;
  const named = (await headers()).get('x-uplift-slow-panel');
  if (named?.split(',').includes(panel)) await new Promise((resolve) => setTimeout(resolve, HELD_MS));
}
