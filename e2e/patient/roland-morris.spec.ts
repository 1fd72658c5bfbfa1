import { expect, test } from '@playwright/test';
import { openPatient } from '../clinician/pages';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { onboardNewPatient } from './onboard';
import { screenshotIfAsked } from '../fixtures/screenshots';

test('a patient answers the Roland-Morris questionnaire, leaving half-way and carrying on, and both of them see the score', async ({ browser }) => {
  test.setTimeout(150_000);
  const name = `Rita Roland ${Date.now() % 100_000}`;
  const { patient, clinician } = await onboardNewPatient(browser, name, { questionnaires: [/^Roland-Morris/] });

  await patient.goto('/patient/questionnaires');
  const card = patient.getByRole('listitem').filter({ has: patient.getByRole('heading', { name: 'Roland-Morris Disability Questionnaire (RMDQ)' }) });
  await expect(card).toContainText('Due now');
  await card.getByRole('link', { name: /^Start Roland-Morris/ }).click();
  await expect(patient.getByRole('heading', { level: 1, name: 'Roland-Morris Disability Questionnaire (RMDQ)' })).toBeVisible();
  await expect(patient.getByText('Step 1 of 4')).toBeVisible();
  await expectNoSeriousA11yViolations(patient);
  await screenshotIfAsked(patient, 'rmdq-step-phone');

  // Screen 1: two sentences true today; screen 2: none.
  await patient.getByRole('checkbox', { name: 'I stay home most of the time because of my back.' }).check();
  await patient.getByRole('checkbox', { name: 'I keep changing position to get my back comfortable.' }).check();
  await patient.getByRole('button', { name: 'Save and continue' }).click();
  await expect(patient.getByText('Step 2 of 4')).toBeVisible();
  await patient.getByRole('button', { name: 'Save and continue' }).click();
  await expect(patient.getByText('Step 3 of 4')).toBeVisible();

  // Leaving half-way keeps the answers; the patient carries on where they left off.
  await patient.getByRole('link', { name: /Finish later/ }).click();
  await patient.goto('/patient/questionnaires');
  await card.getByRole('link', { name: /^Carry on Roland-Morris/ }).click();
  await expect(patient.getByText('Step 3 of 4')).toBeVisible();
  await patient.getByRole('checkbox', { name: 'My back hurts almost all the time.' }).check();
  await patient.getByRole('button', { name: 'Save and continue' }).click();
  await expect(patient.getByText('Step 4 of 4')).toBeVisible();
  await patient.getByRole('checkbox', { name: 'I stay in bed most of the time because of my back.' }).check();
  await patient.getByRole('button', { name: 'Finish and see my result' }).click();

  await expect(patient.getByRole('heading', { name: '4 out of 24' })).toBeVisible();
  await expectNoSeriousA11yViolations(patient);
  await screenshotIfAsked(patient, 'rmdq-result-phone');

  await patient.goto('/patient/progress?range=all');
  const chart = patient.getByRole('region', { name: 'Roland-Morris Disability Questionnaire (RMDQ)' });
  await expect(chart).toContainText('Latest: 4 out of 24.');
  await expect(chart).toContainText('A meaningful improvement is a fall of 5 points or 30 % from the first score.');

  await openPatient(clinician, name);
  await expect(clinician.getByRole('heading', { name: 'Roland-Morris Disability Questionnaire (RMDQ) (0–24)' })).toBeVisible();
  await expect(clinician.getByText(/One response: 4 of 24/)).toBeVisible();
  await screenshotIfAsked(clinician, 'rmdq-record-desktop');
});
