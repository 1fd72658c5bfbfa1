import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';

test('a patient opens a printable copy of their exercise plan', async ({ page }) => {
  await signInAndWait(page, 'patient');
  await page.goto('/patient/exercises');
  await page.getByRole('link', { name: 'Print my plan on paper' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exercise plan for Jamie Taylor' })).toBeVisible();
  await expect(page.getByRole('article')).toContainText('Your physiotherapist');
  await expect(page.getByRole('article')).toContainText('Demo Physio Clinic');
  await expect(page.getByRole('button', { name: 'Print my plan' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
