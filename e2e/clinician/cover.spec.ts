import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { screenshotIfAsked } from '../fixtures/screenshots';
import { caseloadTable } from './pages';

test('a clinician goes away, their cover sees and opens their patients, and on return they go back', async ({ page, browser }) => {
  test.setTimeout(180_000);
  // Alex Morgan (Pat Evans's clinician) marks themself away with Sam Patel covering.
  const alexContext = await browser.newContext();
  const alex = await alexContext.newPage();
  await signInAndWait(alex, 'clinician2');
  await alex.getByRole('link', { name: 'Account' }).click();
  await expect(alex.getByRole('heading', { name: 'Away from work' })).toBeVisible();
  await expectNoSeriousA11yViolations(alex);
  await alex.getByLabel('Who covers for you').selectOption({ label: 'Sam Patel' });
  await alex.getByRole('button', { name: 'Mark me away' }).click();
  await expect(alex.getByRole('status').filter({ hasText: 'You are marked away' })).toBeVisible();
  await expect(alex.getByText(/Sam Patel sees your patients and alerts/)).toBeVisible();
  await screenshotIfAsked(alex, 'account-away-desktop');

  // Sam sees Alex's patients in their caseload and opens Pat's record.
  await signInAndWait(page, 'clinician');
  await expect(page.getByText(/You are covering for Alex Morgan/)).toBeVisible();
  await expect(caseloadTable(page).getByRole('link', { name: 'Pat Evans', exact: true })).toBeVisible();
  await screenshotIfAsked(page, 'caseload-covering-desktop');
  await caseloadTable(page).getByRole('link', { name: 'Pat Evans', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pat Evans' })).toBeVisible();
  const patRecord = page.url();

  // The manager sees who is away and who covers, with counts of alerts waiting and nothing clinical.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAndWait(manager, 'manager');
  await manager.getByRole('link', { name: 'Cover and alerts' }).click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Cover and alerts' })).toBeVisible();
  const staffRow = (name: string) => manager.getByRole('row').filter({ has: manager.getByRole('rowheader', { name }) });
  const alexRow = staffRow('Alex Morgan');
  await expect(alexRow).toContainText('Sam Patel covers');
  await expect(manager.getByText(/Sam Patel receives emergency, urgent and review alerts/)).toBeVisible();
  await expectNoSeriousA11yViolations(manager);
  await screenshotIfAsked(manager, 'manager-cover-desktop');
  await manager.setViewportSize({ width: 390, height: 844 });
  await screenshotIfAsked(manager, 'manager-cover-phone');
  await manager.setViewportSize({ width: 1280, height: 800 });

  // A cover cannot be the clinician themself: refused next to the field, nothing changes.
  const samRow = staffRow('Sam Patel');
  await expect(samRow.getByLabel('Cover for Sam Patel').locator('option')).not.toContainText(['Sam Patel']);

  // Back at work: the manager marks Alex back, and Pat is no longer in Sam's care.
  await alexRow.getByRole('button', { name: 'Mark back Alex Morgan' }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'Marked back' })).toBeVisible();
  await expect(alexRow).toContainText('At work');
  await page.goto('/clinician');
  await expect(page.getByText(/You are covering for/)).toHaveCount(0);
  await expect(caseloadTable(page).getByRole('link', { name: 'Pat Evans', exact: true })).toHaveCount(0);
  await page.goto(patRecord);
  await expect(page.getByRole('heading', { level: 1, name: 'Pat Evans' })).toHaveCount(0);
  await alexContext.close();
  await managerContext.close();
});

test('the manager names a safety lead and escalation times; bad times are refused next to the field', async ({ page }) => {
  await signInAndWait(page, 'manager');
  await page.goto('/manager/settings');
  await expect(page.getByRole('heading', { name: 'Patient safety' })).toBeVisible();
  await expect(page.getByLabel('Safety lead')).toHaveValue(/[0-9a-f-]{36}/);
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Emergency (minutes)').fill('5');
  await page.getByRole('button', { name: 'Save patient safety settings' }).click();
  await expect(page.getByText('Use at least 15 minutes.')).toBeVisible();
  await expect(page.getByLabel('Emergency (minutes)')).toHaveAttribute('aria-invalid', 'true');
  await screenshotIfAsked(page, 'settings-refused-desktop');
  await page.goto('/manager/settings');
  await expect(page.getByLabel('Emergency (minutes)')).toHaveValue('60');
  await page.getByLabel('Emergency (minutes)').fill('45');
  await page.getByRole('button', { name: 'Save patient safety settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved. The change is recorded' })).toBeVisible();
  await page.goto('/manager/settings');
  await expect(page.getByLabel('Emergency (minutes)')).toHaveValue('45');
  await page.getByLabel('Emergency (minutes)').fill('60');
  await page.getByRole('button', { name: 'Save patient safety settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved. The change is recorded' })).toBeVisible();
});
