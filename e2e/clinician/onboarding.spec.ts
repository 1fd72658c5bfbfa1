import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { caseloadTable } from './pages';

test('a clinician adds a patient, and the patient sets a password with the one-time link', async ({ page, browser }) => {
  const email = `onboard-${Date.now()}@example.test`;
  await signInAndWait(page, 'clinician');
  await page.getByRole('navigation', { name: 'Clinician navigation' }).getByRole('link', { name: 'Add patient' }).click();

  // Bad input is refused field by field.
  await page.getByRole('button', { name: 'Add patient and make invitation link' }).click();
  await expect(page.getByText('Enter the patient’s name.')).toBeVisible();

  await page.getByLabel('Full name').fill('Robin Example');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Date of birth').fill('1984-06-15');
  await page.getByLabel('Pain at the start (0–10)').fill('11');
  await page.getByRole('button', { name: 'Add patient and make invitation link' }).click();
  await expect(page.getByText('Pain at the start: a whole number from 0 to 10.')).toBeVisible();
  const painField = page.getByLabel('Pain at the start (0–10)');
  await painField.fill('6');
  await expect(painField).toHaveValue('6');
  await page.getByRole('button', { name: 'Add patient and make invitation link' }).click();

  await expect(page.getByText('Robin Example was added to your caseload.')).toBeVisible();
  const link = await page.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{40,}$/);
  await expect(page.getByText(/works once and expires on/)).toBeVisible();

  await page.goto('/clinician?q=robin');
  await expect(caseloadTable(page).getByRole('rowheader', { name: 'Robin Example' })).toBeVisible();

  const patientContext = await browser.newContext();
  const patient = await patientContext.newPage();
  await patient.goto(link);
  await patient.getByLabel('New password', { exact: true }).fill('lavender tractor mountain 42');
  await patient.getByLabel('Type it again').fill('lavender tractor mountain 42');
  await patient.getByRole('button', { name: 'Set password' }).click();
  await expect(patient).toHaveURL(/\/(login|patient)/);
  if (patient.url().includes('/login')) {
    await patient.getByLabel('Email').fill(email);
    await patient.getByLabel('Password').fill('lavender tractor mountain 42');
    await patient.getByRole('button', { name: 'Sign in' }).click();
  }
  await expect(patient).toHaveURL(/\/patient$/);

  // The link works once.
  const again = await browser.newContext();
  const second = await again.newPage();
  await second.goto(link);
  await expect(second.getByLabel('New password', { exact: true })).toHaveCount(0);
  await again.close();
  await patientContext.close();
});
