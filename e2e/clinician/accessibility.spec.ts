import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { openPatient } from './pages';

test('every clinician page has no serious or critical accessibility violations', async ({ page }) => {
  // Sixteen pages, each scanned by axe: slow on a shared machine.
  test.setTimeout(240_000);
  await signInAndWait(page, 'clinician');
  const episodeId = await openPatient(page, 'Derek Hughes');
  const pages = [
    '/clinician',
    '/clinician?sort=pain&dir=desc&flag=worsening',
    '/clinician/day',
    '/clinician/availability',
    '/clinician/alerts',
    '/clinician/messages',
    '/clinician/exercises',
    '/clinician/patients/new',
    `/clinician/patients/${episodeId}`,
    `/clinician/patients/${episodeId}/measurements`,
    `/clinician/patients/${episodeId}/plan`,
    `/clinician/patients/${episodeId}/plan?version=1`,
    `/clinician/patients/${episodeId}/notes`,
    `/clinician/patients/${episodeId}/messages`,
    `/clinician/patients/${episodeId}/visits`,
    `/clinician/patients/${episodeId}/discharge`,
  ];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});
