import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';

test.describe('clinic users', () => {
  test('the manager invites a clinician with a one-time link, and can replace the link', async ({ page, browser }) => {
    const stamp = Date.now().toString(36);
    const name = `Robin Hale ${stamp}`;
    await signInAndWait(page, 'manager');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Email').fill(`robin.${stamp}@demo.test`);
    await page.getByRole('radio', { name: 'Clinician' }).check();
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const link = await page.getByLabel('Invitation link').inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('Invited, not signed up yet');

    const theirs = await browser.newContext();
    const them = await theirs.newPage();
    await them.goto(link);
    await expect(them.getByRole('heading', { name: 'Welcome, Robin' })).toBeVisible();

    // A new link replaces the old one.
    await row.getByRole('button', { name: `New invitation link for ${name}` }).click();
    await expect(row.getByLabel('Invitation link')).toHaveValue(/\/invite\//);
    expect(await row.getByLabel('Invitation link').inputValue()).not.toBe(link);
    await them.goto(link);
    await expect(them.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
    await theirs.close();
  });

  test('a clinician with patients cannot be deactivated until their caseload is moved', async ({ page }) => {
    await signInAndWait(page, 'manager');
    await page.goto('/manager/users');
    const row = page.getByRole('row', { name: /Alex Morgan/ });
    await row.getByText('Deactivate…').click();
    await expect(row.getByRole('link', { name: 'Caseloads' })).toBeVisible();
    await row.getByRole('button', { name: 'Deactivate Alex Morgan' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'This clinician still has patients' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Alex Morgan/ })).not.toContainText('Deactivated');
  });

  test('deactivating a clinician ends their open session on the next request; reactivating lets them sign in again', async ({ page, browser }) => {
    // A new clinician with no patients yet: one with a caseload must hand it over first (test above).
    const stamp = Date.now().toString(36);
    const name = `Casey Lowe ${stamp}`;
    const email = `casey.${stamp}@demo.test`;
    const password = 'lavender tractor mountain 42';
    await signInAndWait(page, 'manager');
    await page.goto('/manager/users');
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('radio', { name: 'Clinician' }).check();
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const link = await page.getByLabel('Invitation link').inputValue();

    const theirs = await browser.newContext();
    const them = await theirs.newPage();
    await them.goto(link);
    await them.getByLabel('New password', { exact: true }).fill(password);
    await them.getByLabel('Type it again').fill(password);
    await them.getByRole('button', { name: 'Set password' }).click();
    await expect(them).toHaveURL(/\/(login|clinician)/);
    const signInThem = async () => {
      await them.goto('/login');
      await them.getByLabel('Email').fill(email);
      await them.getByLabel('Password').fill(password);
      await them.getByRole('button', { name: 'Sign in' }).click();
    };
    if (them.url().includes('/login')) await signInThem();
    await expect(them).toHaveURL(/\/clinician$/);

    await page.goto('/manager/users');
    const row = page.getByRole('row', { name: new RegExp(name) });
    await row.getByText('Deactivate…').click();
    await row.getByRole('button', { name: `Deactivate ${name}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The account is deactivated' })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Deactivated');

    // Same browser, same cookie: the next request is refused.
    await them.goto('/clinician');
    await expect(them).toHaveURL(/\/login/);
    await them.getByLabel('Email').fill(email);
    await them.getByLabel('Password').fill(password);
    await them.getByRole('button', { name: 'Sign in' }).click();
    await expect(them.getByRole('alert').filter({ hasText: 'That email and password don’t match our records.' })).toBeVisible();

    await page.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: `Reactivate ${name}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The account is active again' })).toBeVisible();
    await signInThem();
    await expect(them).toHaveURL(/\/clinician$/);
    await theirs.close();
  });

  test('an invitation with a bad email or a taken one is refused next to the field', async ({ page }) => {
    await signInAndWait(page, 'manager');
    await page.goto('/manager/users');
    await page.getByLabel('Full name').fill('Someone');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter an email address like name@example.com.');
    await page.getByLabel('Email').fill('clinician@demo.test');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription('This email address can’t be used for a new account. If the person already uses Uplift, we have let them know; ask them for another address.');
  });

  test('the manager cannot deactivate themselves', async ({ page }) => {
    await signInAndWait(page, 'manager');
    await page.goto('/manager/users');
    const me = page.getByRole('row', { name: /\(you\)/ });
    await expect(me.getByText('Deactivate…')).toHaveCount(0);
  });

  test('the manager reassigns an episode to another clinician and back', async ({ page }) => {
    await signInAndWait(page, 'manager');
    await page.goto('/manager/caseloads');
    await page.getByLabel('Show the caseload of').selectOption({ label: 'Alex Morgan' });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const table = page.getByRole('table', { name: 'Active episodes of Alex Morgan' });
    // count() does not wait: let the filtered list arrive first.
    await expect(table.getByRole('rowheader').first()).toBeVisible();
    const before = await table.getByRole('rowheader').count();
    const pseudonym = (await table.getByRole('rowheader').first().innerText()).trim();
    await page.getByLabel(`New clinician for ${pseudonym}`).selectOption({ label: 'Sam Patel' });
    await page.getByRole('button', { name: `Reassign ${pseudonym}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The episode has a new clinician' })).toBeVisible();
    await expect(table.getByRole('rowheader')).toHaveCount(before - 1);

    await page.getByLabel('Show the caseload of').selectOption({ label: 'Sam Patel' });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByLabel(`New clinician for ${pseudonym}`).selectOption({ label: 'Alex Morgan' });
    await page.getByRole('button', { name: `Reassign ${pseudonym}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The episode has a new clinician' })).toBeVisible();
  });

  test('clinic policy decides whether managers see patient names', async ({ page }) => {
    await signInAndWait(page, 'manager');
    await page.goto('/manager/settings');
    await page.getByRole('radio', { name: 'Show patient names to managers' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await page.goto('/manager/episodes?figure=active');
    await expect(page.getByText('Jamie Taylor')).toBeVisible();

    await page.goto('/manager/settings');
    await page.getByRole('radio', { name: 'Pseudonymous ids only (recommended)' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await page.goto('/manager/episodes?figure=active');
    await expect(page.getByRole('rowheader').first()).toBeVisible();
    await expect(page.getByText('Jamie Taylor')).toHaveCount(0);
  });
});
