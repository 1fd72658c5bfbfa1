import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectFitsPhone, PHONE_VIEWPORT } from '../fixtures/phone';

// Managers check cover and alerts from a phone: every manager page with a table, at 390 px.
test.use({ viewport: PHONE_VIEWPORT });

test('every manager page with a table fits a phone, its rows stacked as labelled cards', async ({ page }) => {
  test.setTimeout(240_000);
  await signInAndWait(page, 'manager');

  const byClinician = page.getByRole('table', { name: 'Outcomes by clinician' });
  await expect(byClinician.getByRole('rowheader').first()).toBeVisible();
  await expectFitsPhone(page);

  await page.goto('/manager/episodes?figure=active');
  const episodes = page.getByRole('table', { name: /episodes and their scores$/ });
  await expect(episodes.getByRole('rowheader', { name: /EP-/ }).first()).toBeVisible();
  await expectFitsPhone(page);

  await page.goto('/manager/users');
  const staff = page.getByRole('table', { name: 'Clinicians and managers of your clinic' });
  await expect(staff.getByRole('rowheader', { name: /Alex Morgan/ })).toBeVisible();
  await expect(staff.getByRole('link', { name: /active episodes of Alex Morgan: reassign/ })).toBeVisible();
  await expectFitsPhone(page);

  await page.goto('/manager/caseloads');
  const caseloads = page.getByRole('table', { name: /^Active episodes/ });
  await expect(caseloads.getByRole('rowheader').first()).toBeVisible();
  await expect(caseloads.getByRole('button', { name: /^Reassign/ }).first()).toBeVisible();
  await expectFitsPhone(page);

  await page.goto('/manager/cover');
  const cover = page.getByRole('table', { name: 'Clinicians, their cover and the alerts waiting for them' });
  await expect(cover.getByRole('rowheader', { name: /Alex Morgan/ })).toBeVisible();
  await expectFitsPhone(page);

  await page.goto('/manager/audit');
  await expect(page.getByRole('table', { name: 'Audit events, newest first' }).getByRole('cell').first()).toBeVisible();
  await expectFitsPhone(page);

  await page.goto('/manager/attendance');
  await expect(page.getByRole('table', { name: /^Attendance by clinician/ }).getByRole('rowheader').first()).toBeVisible();
  await expectFitsPhone(page);

  await page.goto('/manager/settings');
  await expect(page.getByRole('table', { name: /^Notification deliveries/ }).getByRole('rowheader').first()).toBeVisible();
  await expectFitsPhone(page);

  await page.goto('/manager/patients');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectFitsPhone(page);

  // The import's problem table appears after a check of a file with a bad row; nothing is imported.
  await page.goto('/manager/import');
  const header = 'name,email,date_of_birth,condition,clinician,baseline_pain,past_pain';
  const stamp = Date.now().toString(36);
  await page.getByLabel('CSV file').setInputFiles({
    name: 'patients.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${header}\r\nPhone Check ${stamp},phone.${stamp}@example.test,1979-02-30,Non-specific low back pain,clinician@demo.test,5,`),
  });
  await page.getByRole('button', { name: 'Check the file' }).click();
  const problems = page.getByRole('table', { name: 'Problems found in the file, by row' });
  await expect(problems.getByRole('cell', { name: /not a real date/ })).toBeVisible();
  await expectFitsPhone(page);
});
