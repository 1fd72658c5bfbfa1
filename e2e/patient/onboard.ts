import { expect, type Browser, type Page } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';

/**
 * A new patient of the demo clinician, signed in on a fresh page: added through the clinician's form, then
 * their password set with the one-time link, as in real use. Each spec gets a patient no other test touches.
 */
export async function onboardNewPatient(
  browser: Browser,
  name: string,
  options: { questionnaires?: RegExp[] } = {},
): Promise<{ patient: Page; clinician: Page }> {
  const clinicianContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const clinician = await clinicianContext.newPage();
  await signInAndWait(clinician, 'clinician');
  await clinician.goto('/clinician/patients/new');
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@example.test`;
  await clinician.getByLabel('Full name').fill(name);
  await clinician.getByLabel('Email').fill(email);
  await clinician.getByLabel('Date of birth').fill('1961-03-02');
  await clinician.getByLabel('Pain at the start (0–10)').fill('5');
  for (const questionnaire of options.questionnaires ?? []) await clinician.getByRole('checkbox', { name: questionnaire }).check();
  await clinician.getByRole('button', { name: 'Add patient and make invitation link' }).click();
  const link = await clinician.getByLabel('Invitation link').inputValue();

  const patientContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
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
  return { patient, clinician };
}
