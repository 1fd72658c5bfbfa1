import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectFitsPhone, PHONE_VIEWPORT } from '../fixtures/phone';
import { caseloadTable, openPatient } from './pages';

// Staff use Uplift on a phone between patients too: every clinician page with a table, at 390 px.
test.use({ viewport: PHONE_VIEWPORT });

test('every clinician page with a table fits a phone, its rows stacked as labelled cards', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAndWait(page, 'clinician');

  // Each patient is a card: the name heads it, the figures follow with their column's name.
  const caseload = caseloadTable(page);
  await expect(caseload).toBeVisible();
  const derek = caseload.getByRole('row', { name: /Derek Hughes/ });
  await expect(derek.getByRole('rowheader', { name: 'Derek Hughes' })).toBeVisible();
  await expect(derek.getByRole('cell').first()).toBeVisible();
  // The column headings still sort the table on a phone.
  await expect(caseload.getByRole('columnheader', { name: 'Pain now' }).getByRole('link')).toBeVisible();
  await expectFitsPhone(page);

  await page.goto('/clinician/alerts');
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
  await expectFitsPhone(page);

  await page.goto('/clinician/exercises');
  await expect(page.getByRole('heading', { level: 1, name: 'Exercise library' })).toBeVisible();
  await expectFitsPhone(page);

  const episodeId = await openPatient(page, 'Derek Hughes');
  await expectFitsPhone(page);

  await page.goto(`/clinician/patients/${episodeId}/measurements`);
  const history = page.getByRole('table', { name: 'All measurements, newest first' });
  await expect(history.getByRole('row').nth(1)).toBeVisible();
  await expectFitsPhone(page);

  await page.goto(`/clinician/patients/${episodeId}/discharge`);
  const outcome = page.getByRole('table', { name: 'Baseline against latest scores' });
  await expect(outcome.getByRole('rowheader', { name: 'Pain (NPRS)' })).toBeVisible();
  await expectFitsPhone(page);
});
