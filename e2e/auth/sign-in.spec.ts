import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { signIn, signInAndWait, signOut } from '../fixtures/accounts';

test.describe('sign-in', () => {
  test('the patient lands on Today with their name, clinician and latest pain score', async ({ page }) => {
    await signInAndWait(page, 'patient');
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Jamie' })).toBeVisible();
    await expect(page.getByText('Your physiotherapist is Sam Patel.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Latest pain score' })).toBeVisible();
    await expect(page.getByText(/out of 10, logged/)).toBeVisible();
  });

  test('the clinician lands on their caseload of real patients, and only theirs', async ({ page }) => {
    await signInAndWait(page, 'clinician');
    const table = page.getByRole('table', { name: 'Your patients in active care' });
    await expect(table.getByRole('rowheader', { name: 'Jamie Taylor' })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'Derek Hughes' })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'Pat Evans' })).toHaveCount(0);
    expect(await table.getByRole('rowheader').count()).toBeGreaterThanOrEqual(9);
  });

  test('the second clinician sees patient2 and not patient', async ({ page }) => {
    await signInAndWait(page, 'clinician2');
    const table = page.getByRole('table', { name: 'Your patients in active care' });
    await expect(table.getByRole('rowheader', { name: 'Pat Evans' })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'Jamie Taylor' })).toHaveCount(0);
  });

  test('the manager lands on the clinic overview with counts', async ({ page }) => {
    await signInAndWait(page, 'manager');
    await expect(page.getByRole('heading', { level: 1, name: 'Demo Physio Clinic' })).toBeVisible();
    const clinicians = page.getByRole('definition').filter({ hasText: /^\d+$/ });
    await expect(clinicians.first()).toBeVisible();
    await expect(page.getByText('Clinicians', { exact: true })).toBeVisible();
    await expect(page.getByText('Patients in active care')).toBeVisible();
  });

  test('a wrong password shows one generic message and stays on sign-in', async ({ page }) => {
    await signIn(page, 'patient', 'not-the-password');
    await expect(page.getByRole('alert').filter({ hasText: 'That email and password don’t match our records.' })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test('an unknown email shows the same message as a wrong password', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('nobody@demo.test');
    await page.getByLabel('Password').fill('uplift-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'That email and password don’t match our records.' })).toBeVisible();
  });

  test('empty fields get messages next to them', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter your email address.');
    await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Enter your password.');
  });

  test('the sign-in page has no serious accessibility problems', async ({ page }) => {
    await page.goto('/login');
    await expectNoSeriousA11yViolations(page);
  });

  test('the sign-in page asks for nothing that is missing, and the tab shows the Uplift icon', async ({ page }) => {
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) missing.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    await page.goto('/login');
    await page.waitForLoadState('networkidle');
    expect(missing).toEqual([]);
    // Without an icon of its own, every browser asks for /favicon.ico: a 404 rendered by the server.
    const iconLink = page.locator('link[rel="icon"]');
    await expect(iconLink).toHaveCount(1);
    const response = await page.request.get((await iconLink.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
  });
});

test.describe('access between areas', () => {
  test('a signed-out visitor is sent to sign in, and back afterwards', async ({ page }) => {
    await page.goto('/clinician');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fclinician/);
    await page.getByLabel('Email').fill('clinician@demo.test');
    await page.getByLabel('Password').fill('uplift-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/clinician$/);
  });

  test('a patient opening the clinician and manager areas gets a 403 page', async ({ page }) => {
    await signInAndWait(page, 'patient');
    for (const path of ['/clinician', '/manager']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
      await expect(page.getByText('Jamie Taylor')).toHaveCount(0);
    }
  });

  test('a clinician opening the patient and manager areas gets a 403 page', async ({ page }) => {
    await signInAndWait(page, 'clinician');
    for (const path of ['/patient', '/manager']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
    }
  });

  test('a manager opening the patient and clinician areas gets a 403 page', async ({ page }) => {
    await signInAndWait(page, 'manager');
    for (const path of ['/patient', '/clinician']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
    }
  });

  test('after sign-out, the back button shows nothing private', async ({ page }) => {
    await signInAndWait(page, 'patient');
    await expect(page.getByText('Your physiotherapist is Sam Patel.')).toBeVisible();
    await signOut(page);
    await page.goBack();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText('Sam Patel')).toHaveCount(0);
    const response = await page.goto('/patient');
    expect(response?.url()).toMatch(/\/login/);
  });

  test('a copy of the session cookie stops working after sign-out', async ({ page, browser }) => {
    await signInAndWait(page, 'patient');
    const cookies = await page.context().cookies();
    await signOut(page);
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const other = await replay.newPage();
    await other.goto('/patient');
    await expect(other).toHaveURL(/\/login/);
    await replay.close();
  });

  test('authenticated pages are never stored in shared caches', async ({ page }) => {
    await signInAndWait(page, 'patient');
    const response = await page.goto('/patient');
    const cacheControl = response?.headers()['cache-control'] ?? '';
    expect(cacheControl).toContain('private');
    expect(cacheControl).toContain('no-store');
  });
});
