import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { signInAndWait } from '../fixtures/accounts';
import { screenshotIfAsked } from '../fixtures/screenshots';

test('with no mail server, a manager without two-step sign-in cannot see a staff member’s reset link', async ({ page }) => {
  await signInAndWait(page, 'manager');
  await page.goto('/manager/account');
  const code = page.getByLabel('Your authenticator code (for staff accounts)');
  await expect(code).toBeVisible();
  await page.getByLabel('Email of the person').fill('clinician2@demo.test');
  await page.getByRole('button', { name: 'Create a reset link' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Turn on two-step sign-in for your own account first' })).toBeVisible();
  await expect(page.getByText(/\/reset\//)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await screenshotIfAsked(page, 'manager-reset-link', { bothSizes: true });
});
