import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';

test.describe('reminder preferences on a phone', () => {
  test('a patient chooses reminder times, quiet hours and channels; a time inside quiet hours is refused beside the field', async ({ page }) => {
    await signInAndWait(page, 'patient2');
    await page.getByRole('navigation', { name: 'Patient navigation' }).getByRole('link', { name: 'Reminders' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reminders' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // The defaults: quiet from 21:00 until 08:00, and no exercise times yet.
    await expect(page.getByLabel('Keep quiet hours')).toBeChecked();
    await expect(page.getByLabel('Quiet from')).toHaveValue('21:00');
    await expect(page.getByLabel('Quiet until')).toHaveValue('08:00');

    // 22:30 falls inside quiet hours: refused next to the field, nothing saved.
    await page.getByLabel('Add a reminder time').fill('22:30');
    await page.getByRole('button', { name: 'Save reminder choices' }).click();
    const refused = page.getByLabel('Reminder time 1');
    await expect(refused).toHaveAccessibleDescription(/22:30 is inside your quiet hours \(21:00 to 08:00\)/);
    await expect(page.getByText('Nothing was saved. Please check the highlighted answers.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.reload();
    await expect(page.getByLabel('Reminder time 1')).toHaveCount(0);

    // Two times, and no nudges by email.
    await page.getByLabel('Add a reminder time').fill('08:30');
    await page.getByRole('button', { name: 'Save reminder choices' }).click();
    await expect(page.getByText('Your reminder choices are saved.')).toBeVisible();
    await page.getByLabel('Add a reminder time').fill('18:15');
    const nudge = page.getByRole('group', { name: 'Nudge after a few quiet days' });
    await nudge.getByRole('checkbox', { name: 'Email' }).uncheck();
    await page.getByRole('checkbox', { name: 'Keep quiet hours' }).check();
    await page.getByLabel('Quiet from').fill('22:00');
    await page.getByRole('button', { name: 'Save reminder choices' }).click();
    await expect(page.getByText('Your reminder choices are saved.')).toBeVisible();

    // Kept: seen again after a reload.
    await page.reload();
    await expect(page.getByLabel('Reminder time 1')).toHaveValue('08:30');
    await expect(page.getByLabel('Reminder time 2')).toHaveValue('18:15');
    await expect(page.getByLabel('Quiet from')).toHaveValue('22:00');
    await expect(page.getByRole('group', { name: 'Nudge after a few quiet days' }).getByRole('checkbox', { name: 'Email' })).not.toBeChecked();
    await expect(page.getByRole('group', { name: 'Questionnaire due' }).getByRole('checkbox', { name: 'Email' })).toBeChecked();

    // Clearing a time removes it.
    await page.getByLabel('Reminder time 2').fill('');
    await page.getByRole('button', { name: 'Save reminder choices' }).click();
    await expect(page.getByText('Your reminder choices are saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Reminder time 1')).toHaveValue('08:30');
    await expect(page.getByLabel('Reminder time 2')).toHaveCount(0);
  });
});
