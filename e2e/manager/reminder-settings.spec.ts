import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';

test.describe('the clinic’s reminder setting', () => {
  test('a manager sets the days before a nudge; a number out of range is refused beside the field and changes nothing', async ({ page }) => {
    await signInAndWait(page, 'manager');
    await page.goto('/manager/settings');
    const field = page.getByLabel('Days with nothing logged before a nudge');
    await expect(field).toHaveValue('3');

    await field.fill('0');
    await page.getByRole('button', { name: 'Save nudge setting' }).click();
    await expect(page.getByLabel('Days with nothing logged before a nudge')).toHaveAccessibleDescription(/Enter a whole number of days, from 1 to 30\./);
    await expectNoSeriousA11yViolations(page);
    await page.reload();
    await expect(page.getByLabel('Days with nothing logged before a nudge')).toHaveValue('3');

    await page.getByLabel('Days with nothing logged before a nudge').fill('4');
    await page.getByRole('button', { name: 'Save nudge setting' }).click();
    await expect(page.getByText('Nudge setting saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Days with nothing logged before a nudge')).toHaveValue('4');
    await page.getByLabel('Days with nothing logged before a nudge').fill('3');
    await page.getByRole('button', { name: 'Save nudge setting' }).click();
    await expect(page.getByText('Nudge setting saved.')).toBeVisible();
  });

  test('an unsubscribe link that is not valid says so, changes nothing, and the page is accessible', async ({ page }) => {
    const response = await page.goto('/unsubscribe/u1.not-a-real-token');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
