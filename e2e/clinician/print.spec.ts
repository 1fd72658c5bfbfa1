import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { openPatient, openRecordSection } from './pages';

test.describe('paper copies', () => {
  test('a clinician prints a patient’s exercise plan, for A4 and Letter paper', async ({ page }, testInfo) => {
    await signInAndWait(page, 'clinician');
    await openPatient(page, 'Jamie Taylor');
    await openRecordSection(page, 'Jamie Taylor', 'Exercise plan');
    await page.getByRole('link', { name: 'Print the current plan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Exercise plan for Jamie Taylor' })).toBeVisible();
    const sheet = page.getByRole('article');
    await expect(sheet.getByRole('img', { name: /Simple drawing of a person doing the/ }).first()).toBeVisible();
    await expect(sheet).toContainText('Stay safe:');
    await expect(sheet).toContainText('How much pain is OK:');
    await expect(sheet).toContainText('Phone: 020 7946 0123');
    await expect(page.getByRole('button', { name: 'Print this plan' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // On paper: no navigation, no buttons, just the sheet.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Clinician navigation' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print this plan' })).toBeHidden();
    await expect(sheet).toBeVisible();
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await testInfo.attach(`plan-${format}.pdf`, { body: pdf, contentType: 'application/pdf' });
    }
  });

  test('after discharge, the clinician prints a letter to the GP with the outcome figures and their definitions', async ({ page }) => {
    const stamp = Date.now().toString(36);
    const name = `Letter Patient ${stamp}`;
    await signInAndWait(page, 'clinician');
    await page.getByRole('navigation', { name: 'Clinician navigation' }).getByRole('link', { name: 'Add patient' }).click();
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Email').fill(`letter-${stamp}@example.test`);
    await page.getByLabel('Date of birth').fill('1984-06-15');
    await page.getByLabel('Pain at the start (0–10)').fill('6');
    await page.getByRole('button', { name: 'Add patient and make invitation link' }).click();
    await expect(page.getByText(`${name} was added to your caseload.`)).toBeVisible();

    await openPatient(page, name);
    await openRecordSection(page, name, 'Outcome and discharge');
    await page.getByLabel('Discharge summary').fill('Back to full duties; continue the home programme twice a week.');
    await page.getByLabel('Discharge this patient (the record becomes read-only)').check();
    await page.getByRole('button', { name: 'Discharge' }).click();
    await page.getByRole('link', { name: 'Print a discharge letter to the GP or referrer' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Physiotherapy discharge letter' })).toBeVisible();
    const letter = page.getByRole('article');
    await expect(letter).toContainText(`Patient: ${name}, date of birth 15 Jun 1984`);
    await expect(letter).toContainText('Back to full duties');
    await expect(letter.getByRole('table', { name: 'Scores at the start of care and at discharge' })).toBeVisible();
    await expect(letter.getByRole('heading', { name: 'How these figures are defined' })).toBeVisible();
    await expect(letter).toContainText('A clinically important improvement is a fall of at least 2 points or 30%');
    await expect(letter).toContainText('Sam Patel');
    await expectNoSeriousA11yViolations(page);
  });
});
