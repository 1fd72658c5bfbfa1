import { expect, test, type Page } from '@playwright/test';
import { totpCode } from '../../lib/auth/totp';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { DEMO_PASSWORD, signInAndWait, signOut } from '../fixtures/accounts';
import { screenshotIfAsked } from '../fixtures/screenshots';

// A demo patient no other journey signs in as, so turning MFA on here cannot disturb them.
const EMAIL = 'hannah.lewis@demo.test';
const STEP_MS = 30_000;

async function passwordStep(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a patient turns on two-step sign-in, then signs in with a code, a wrong code and a recovery code', async ({ page }) => {
  await passwordStep(page);
  await expect(page).toHaveURL(/\/patient$/);
  await page.getByRole('link', { name: 'My account' }).click();
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const key = (await page.getByLabel('Setup key').textContent())!.replace(/\s/g, '');
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoSeriousA11yViolations(page);
  // The QR code is drawn on the server as an SVG image beside the key.
  const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  await screenshotIfAsked(page, 'mfa-setup', { bothSizes: true });

  await page.getByLabel('6-digit code from the app').fill('123456');
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page.getByText('That code didn’t match')).toBeVisible();

  await page.getByLabel('6-digit code from the app').fill(totpCode(key));
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  const codeItems = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codeItems).toHaveCount(10);
  const codes = await codeItems.allTextContents();
  expect(codes).toHaveLength(10);
  // 16 symbols of 5 bits each: 80 bits per code.
  for (const code of codes) expect(code.trim()).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
  await page.getByRole('link', { name: 'I have saved my codes — continue' }).click();
  await signOut(page);

  // The password alone is no longer enough.
  await passwordStep(page);
  await expect(page.getByLabel('Authentication code')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Authentication code').fill('000000' === totpCode(key) ? '111111' : '000000');
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That code didn’t work.' })).toBeVisible();

  // The enrolment code's time step is used up; the next step's code is within the accepted window.
  await page.getByLabel('Authentication code').fill(totpCode(key, Date.now() + STEP_MS));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page).toHaveURL(/\/patient$/);
  await signOut(page);

  await passwordStep(page);
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(codes[0]!);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page).toHaveURL(/\/patient$/);

  // Leave the account as the seed made it.
  await page.goto('/patient/account');
  await expect(page.getByText('9 of 10 recovery codes left')).toBeVisible();
  await page.getByLabel('Your password, to turn it off').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
  await expect(page.getByRole('button', { name: 'Set up an authenticator app' })).toBeVisible();
});

test('when the clinic requires MFA for clinicians, a clinician must enrol before reaching the caseload', async ({ browser, page }) => {
  await signInAndWait(page, 'manager');
  await page.getByRole('link', { name: 'Security and audit' }).click();
  await page.getByRole('link', { name: /Clinic security settings/ }).click();
  await expectNoSeriousA11yViolations(page);
  const clinicians = page.getByRole('checkbox', { name: /Clinicians/ });
  await clinicians.check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  try {
    const other = await browser.newPage();
    await other.goto('/login');
    await other.getByLabel('Email').fill('clinician2@demo.test');
    await other.getByLabel('Password').fill(DEMO_PASSWORD);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect(other).toHaveURL(/\/mfa-setup$/);
    await expect(other.getByRole('heading', { name: 'Set up two-step sign-in' })).toBeVisible();
    await other.goto('/clinician');
    await expect(other).toHaveURL(/\/mfa-setup$/);
    await other.close();
  } finally {
    await page.goto('/manager/settings');
    await page.getByRole('checkbox', { name: /Clinicians/ }).uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
  }
});
