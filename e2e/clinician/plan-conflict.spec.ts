import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { openPatient, openRecordSection } from './pages';

test('two clinicians saving the same plan: the second is told, and keeps their draft', async ({ page, browser }) => {
  await signInAndWait(page, 'clinician');
  await openPatient(page, 'Marcus Reid');
  await openRecordSection(page, 'Marcus Reid', 'Exercise plan');
  const planUrl = page.url();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInAndWait(other, 'clinician');
  await other.goto(planUrl);

  // The first saves a change.
  await page.getByRole('button', { name: 'Add Seated nerve glide' }).click();
  await page.getByRole('button', { name: /Save as version 3/ }).click();
  await expect(page.getByText('Saved as version 3.', { exact: false })).toBeVisible();

  // The second still edits version 2 and is refused, without losing their draft.
  await other.getByRole('button', { name: 'Add Goblet squat' }).click();
  await other.getByRole('button', { name: /Save as version 3/ }).click();
  await expect(other.getByRole('alert').filter({ hasText: 'Someone else saved' })).toHaveText(
    'Someone else saved this plan while you were editing. Reload to see their version; your changes were not saved.',
  );
  await expect(other.getByRole('list', { name: 'Exercises in the plan' }).getByRole('heading', { name: /Goblet squat/ })).toBeVisible();

  // After reloading they see the first clinician's version, not theirs.
  await other.getByRole('link', { name: 'Reload the plan' }).click();
  const items = other.getByRole('list', { name: 'Exercises in the plan' });
  await expect(items.getByRole('heading', { name: /Seated nerve glide/ })).toBeVisible();
  await expect(items.getByRole('heading', { name: /Goblet squat/ })).toHaveCount(0);
  await otherContext.close();
});
