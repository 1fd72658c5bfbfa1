import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { screenshotIfAsked } from '../fixtures/screenshots';

test('a clinician changes a patient’s questionnaire schedule after onboarding; bad input is refused beside the field', async ({ page }) => {
  const name = `Sid Schedule ${Date.now() % 100_000}`;
  await signInAndWait(page, 'clinician');
  await page.goto('/clinician/patients/new');
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email').fill(`sid-${Date.now()}@example.test`);
  await page.getByLabel('Date of birth').fill('1970-01-20');
  await page.getByLabel('Pain at the start (0–10)').fill('4');
  await page.getByRole('button', { name: 'Add patient and make invitation link' }).click();
  await page.getByRole('link', { name: 'Open their record' }).click();

  await page.getByRole('navigation', { name: `Record of ${name}` }).getByRole('link', { name: 'Questionnaires' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Questionnaire schedule: ${name}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const rmdq = page.getByRole('region', { name: 'Roland-Morris Disability Questionnaire (RMDQ)' });
  await expect(rmdq).toContainText('Switched off');
  await rmdq.getByLabel('Ask the patient').selectOption('yes');
  await rmdq.getByLabel('Weeks between (empty: once)').fill('1e1');
  await rmdq.getByRole('button', { name: /^Save schedule/ }).click();
  await expect(rmdq.getByLabel('Weeks between (empty: once)')).toHaveAccessibleDescription(/whole number from 1 to 52/);
  await expect(rmdq).toContainText('Switched off');

  await rmdq.getByLabel('Weeks between (empty: once)').fill('4');
  await rmdq.getByRole('button', { name: /^Save schedule/ }).click();
  await expect(rmdq.getByText('Schedule saved for Roland-Morris Disability Questionnaire (RMDQ).')).toBeVisible();
  await expect(rmdq).toContainText('Every 4 weeks.');
  await screenshotIfAsked(page, 'schedule', { bothSizes: true });
});
