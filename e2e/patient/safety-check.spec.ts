import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { onboardNewPatient } from './onboard';
import { screenshotIfAsked } from '../fixtures/screenshots';

test('a new patient says yes to night pain at first sign-in, and the clinician sees a review alert with the answers', async ({ browser }) => {
  test.setTimeout(120_000);
  const name = `Nora Nightpain ${Date.now() % 100_000}`;
  const { patient, clinician } = await onboardNewPatient(browser, name);

  // Asked at the first sign-in, on Today.
  const card = patient.getByRole('region', { name: 'Before you start: 4 safety questions' });
  await expect(card).toBeVisible();
  await expectNoSeriousA11yViolations(patient);
  await screenshotIfAsked(patient, 'today-safety-check-phone');

  // Every question is required: a missing answer is refused beside the question, and nothing is saved.
  await card.getByRole('group', { name: /lost weight/ }).getByRole('radio', { name: 'No', exact: true }).check();
  await card.getByRole('button', { name: 'Save my answers' }).click();
  await expect(card.getByRole('group', { name: /fever/ })).toHaveAccessibleDescription(/Please answer yes or no/);

  await card.getByRole('group', { name: /fever/ }).getByRole('radio', { name: 'No', exact: true }).check();
  await card.getByRole('group', { name: /there all night/ }).getByRole('radio', { name: 'Yes', exact: true }).check();
  await card.getByRole('group', { name: /bad fall/ }).getByRole('radio', { name: 'No', exact: true }).check();
  await card.getByRole('button', { name: 'Save my answers' }).click();

  // The patient is told plainly what to do today.
  const advice = patient.getByRole('alert').filter({ hasText: 'Contact your physio’s clinic today' });
  await expect(advice).toBeVisible();
  await expect(advice).toContainText('review them within 24 hours');
  await expect(advice).toContainText('Today, phone the clinic');
  await expect(advice).toContainText('Is your back pain there all night');
  await expectNoSeriousA11yViolations(patient);
  await screenshotIfAsked(patient, 'safety-check-result-phone');

  // Answered: Today no longer asks, and the questions stay available on their own page.
  await patient.goto('/patient');
  await expect(patient.getByRole('region', { name: 'Before you start: 4 safety questions' })).toHaveCount(0);
  await patient.getByRole('link', { name: 'Answer the safety questions' }).click();
  await expect(patient.getByRole('heading', { level: 1, name: 'Safety questions' })).toBeVisible();
  await expectNoSeriousA11yViolations(patient);

  // The clinician sees a review-within-24-hours red-flag alert with every answer.
  await clinician.goto('/clinician/alerts');
  const alert = clinician.getByRole('region', { name: 'Open' }).getByRole('article', { name: `Red flag: ${name}` });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Review within 24 hours');
  await expect(alert).toContainText('Possible cancer, infection or fracture');
  await expect(alert).toContainText('Constant night pain not eased by rest: yes');
  await expect(alert).toContainText('Unexplained weight loss: no');
  await screenshotIfAsked(clinician, 'clinician-review-alert-desktop');
});

test('a pain log that reports something new asks the cancer, infection and fracture questions there and then', async ({ browser }) => {
  test.setTimeout(120_000);
  const { patient } = await onboardNewPatient(browser, `Ned Newsymptom ${Date.now() % 100_000}`);
  await patient.goto('/patient/pain/new?score=4');
  const safety = patient.getByRole('region', { name: 'Safety check' });
  await expect(safety.getByRole('group', { name: /lost weight/ })).toHaveCount(0);
  await safety.getByRole('group', { name: /new or different/ }).getByRole('radio', { name: 'Yes', exact: true }).check();
  await expect(safety.getByRole('group', { name: /lost weight/ })).toBeVisible();
  await screenshotIfAsked(patient, 'pain-new-symptom-phone');
  await expectNoSeriousA11yViolations(patient);
});
