import { expect, test, type Page } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';

/** Requests the page's links send on their own (Next.js marks them with this header). */
function countPrefetches(page: Page): { count: () => number } {
  let prefetches = 0;
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) prefetches += 1;
  });
  return { count: () => prefetches };
}

// Every signed-in page is rendered per request, and a prefetch of one brings back only its outline while
// costing the server a render: a caseload view with prefetching sends 34 of them (docs/PERFORMANCE.md).
test('the caseload and the alerts inbox send no prefetch requests, and a patient still opens with one click', async ({ page }) => {
  await signInAndWait(page, 'clinician');
  const prefetches = countPrefetches(page);
  await page.goto('/clinician');
  await page.waitForLoadState('networkidle');
  await page.goto('/clinician/alerts');
  await page.waitForLoadState('networkidle');
  expect(prefetches.count()).toBe(0);

  await page.goto('/clinician');
  await page.getByRole('link', { name: 'Jamie Taylor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jamie Taylor' })).toBeVisible();
  expect(prefetches.count()).toBe(0);
});
