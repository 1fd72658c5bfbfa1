import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { DEMO_PASSWORD, signInAndWait, signOut } from '../fixtures/accounts';

test('a patient sees who viewed or changed their record', async ({ page }) => {
  await signInAndWait(page, 'patient');
  await page.getByRole('link', { name: 'My account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Who viewed or changed my record' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the manager filters the audit trail and downloads it', async ({ page }) => {
  // A refused access to find in the trail.
  await signInAndWait(page, 'patient');
  await page.goto('/manager');
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  await page.goto('/patient');
  await signOut(page);

  await signInAndWait(page, 'manager');
  await page.getByRole('link', { name: 'Security and audit' }).click();
  await page.getByRole('link', { name: /Audit trail/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await page.getByLabel('Outcome').selectOption('denied');
  // The demo clinic shows managers pseudonyms only: a patient's name finds nothing and is shown nowhere.
  await page.getByLabel(/^Person/).fill('Jamie');
  await page.getByRole('button', { name: 'Show events' }).click();
  await expect(page.getByText('No events match these filters.')).toBeVisible();
  await page.getByLabel(/^Person/).fill('');
  await page.getByRole('button', { name: 'Show events' }).click();
  const table = page.getByRole('table');
  await expect(table.getByText(/Jamie/)).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: 'Opened the manager area' }).first()).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Allowed' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download as CSV' }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  expect(text.split('\r\n')[0]).toBe('id,at_utc,actor,actor_role,action,outcome,patient,resource_type,resource_id,client_address');
  expect(text).toContain('area.manager,denied');
  expect(text).not.toContain(',success,');
});

test('a clinician issues a reset link for their patient, and the link works once', async ({ page, browser }) => {
  await signInAndWait(page, 'clinician');
  await page.getByRole('link', { name: 'Account' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Email of the patient').fill('patient2@demo.test');
  await page.getByRole('button', { name: 'Create a reset link' }).click();
  await expect(page.getByText('You can’t issue a reset link for that email address.')).toBeVisible();
  await page.getByLabel('Email of the patient').fill('kwame.mensah@demo.test');
  await page.getByRole('button', { name: 'Create a reset link' }).click();
  const link = (await page.getByText(/\/reset\//).textContent())!.trim();

  const other = await browser.newPage();
  await other.goto(link);
  await other.getByLabel('New password').fill('a calm walk by the canal');
  await other.getByLabel('Type it again').fill('a calm walk by the canal');
  await other.getByRole('button', { name: 'Set password' }).click();
  await expect(other).toHaveURL(/passwordSet=1/);
  await other.goto(link);
  await expect(other.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  await other.close();
});

test('changing the password signs out everywhere; the new password works and the old one does not', async ({ page, browser }) => {
  // A demo patient no other journey signs in as.
  const email = 'lucy.chen@demo.test';
  const signInWith = async (target: Page, password: string) => {
    await target.goto('/login');
    await target.getByLabel('Email').fill(email);
    await target.getByLabel('Password').fill(password);
    await target.getByRole('button', { name: 'Sign in' }).click();
  };
  const elsewhere = await browser.newPage();
  await signInWith(elsewhere, DEMO_PASSWORD);
  await expect(elsewhere).toHaveURL(/\/patient$/);

  await signInWith(page, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/patient$/);
  await page.getByRole('link', { name: 'My account' }).click();
  await page.getByLabel('Current password').fill('not my password at all');
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('Type the new password again').fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription('That is not your current password.');

  const next = 'river stones and kettle steam';
  await page.getByLabel('Current password').fill(DEMO_PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Type the new password again').fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/login\?passwordChanged=1/);

  await elsewhere.goto('/patient');
  await expect(elsewhere).toHaveURL(/\/login/);
  await elsewhere.close();

  await signInWith(page, DEMO_PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: 'don’t match our records' })).toBeVisible();
  await signInWith(page, next);
  await expect(page).toHaveURL(/\/patient$/);
});

test('without a mail server, the forgotten-password page sends people to their clinic', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgotten your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgotten your password?' })).toBeVisible();
  await expect(page.getByText('Ask your physiotherapist or your clinic.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
