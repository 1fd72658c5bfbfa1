import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { caseloadTable, openPatient } from './pages';

test('another clinician cannot open a patient of this clinician by id, on any record page', async ({ page, browser }) => {
  await signInAndWait(page, 'clinician');
  const episodeId = await openPatient(page, 'Jamie Taylor');

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInAndWait(other, 'clinician2');
  await expect(caseloadTable(other).getByRole('rowheader', { name: 'Jamie Taylor' })).toHaveCount(0);
  for (const section of ['', '/measurements', '/plan', '/plan?version=1', '/notes', '/visits', '/discharge']) {
    const response = await other.goto(`/clinician/patients/${episodeId}${section}`);
    expect(response?.status(), section).toBe(404);
    await expect(other.getByRole('heading', { name: 'We can’t find that page' })).toBeVisible();
    await expect(other.getByText('Jamie Taylor')).toHaveCount(0);
  }
  const malformed = await other.goto('/clinician/patients/not-an-id');
  expect(malformed?.status()).toBe(404);
  await otherContext.close();
});

test('a patient cannot open the clinician pages of their own record', async ({ page, browser }) => {
  await signInAndWait(page, 'clinician');
  const episodeId = await openPatient(page, 'Jamie Taylor');
  const patientContext = await browser.newContext();
  const patient = await patientContext.newPage();
  await signInAndWait(patient, 'patient');
  await patient.goto(`/clinician/patients/${episodeId}`);
  await expect(patient.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  await patientContext.close();
});
