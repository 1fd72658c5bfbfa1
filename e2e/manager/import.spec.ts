import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';

const HEADER = 'name,email,date_of_birth,condition,clinician,baseline_pain,past_pain';

test.describe('importing patients from a previous system', () => {
  test('a manager checks a CSV with one bad row, sees the error, fixes the file and imports it', async ({ page }) => {
    const stamp = Date.now().toString(36);
    const rows = (dateOfBirth: string) =>
      [
        HEADER,
        `Ivy Import ${stamp},ivy.${stamp}@example.test,1982-03-14,Non-specific low back pain,clinician@demo.test,6,2026-10-01:7; 2026-10-15:6`,
        `Otto Import ${stamp},otto.${stamp}@example.test,${dateOfBirth},Low back pain with leg pain,clinician2@demo.test,5,`,
      ].join('\r\n');
    const upload = (text: string) => page.getByLabel('CSV file').setInputFiles({ name: 'patients.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

    await signInAndWait(page, 'manager');
    await page.getByRole('navigation', { name: 'Manager navigation' }).getByRole('link', { name: 'Import' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import patients' })).toBeVisible();

    await upload(rows('1979-02-30'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByText('The file has 1 problem. Nothing was imported.')).toBeVisible();
    const problems = page.getByRole('table', { name: 'Problems found in the file, by row' });
    await expect(problems.getByRole('row').nth(1)).toContainText('3');
    await expect(problems.getByRole('row').nth(1)).toContainText('date_of_birth');
    await expect(problems.getByRole('row').nth(1)).toContainText('not a real date');
    await expectNoSeriousA11yViolations(page);

    // Importing the faulty file is refused the same way: nobody is added.
    await page.getByRole('button', { name: 'Import patients' }).click();
    await expect(page.getByText('The file has 1 problem. Nothing was imported.')).toBeVisible();
    await expect(page.getByRole('region', { name: /Invitations waiting/ })).not.toContainText(`Ivy Import ${stamp}`);

    await upload(rows('1979-02-28'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByText('The file is ready to import: 2 new patients.')).toBeVisible();
    await page.getByRole('button', { name: 'Import patients' }).click();
    await expect(page.getByText('Imported 2 patients.')).toBeVisible();

    const waiting = page.getByRole('region', { name: /Invitations waiting/ });
    await expect(waiting).toContainText(`Ivy Import ${stamp}`);
    await expect(waiting).toContainText(`Otto Import ${stamp}`);
    await waiting.getByRole('button', { name: `Create invitation link for Ivy Import ${stamp}` }).click();
    await expect(waiting.getByLabel('Invitation link')).toHaveValue(/\/invite\/[\w-]{40,}$/);

    // The same file again adds nobody.
    await page.getByRole('button', { name: 'Import patients' }).click();
    await expect(page.getByText('Imported 0 patients.')).toBeVisible();
    await expect(page.getByText('2 patients were already in Uplift and were left as they are.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('a malformed file is refused whole, with a clear message', async ({ page }) => {
    await signInAndWait(page, 'manager');
    await page.goto('/manager/import');
    await page.getByLabel('CSV file').setInputFiles({ name: 'patients.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n"Unclosed,quote@example.test,1980-01-01,LBP,clinician@demo.test,5,\n`) });
    await page.getByRole('button', { name: 'Import patients' }).click();
    await expect(page.getByText(/The file is not valid CSV.*never closed/)).toBeVisible();
  });
});

test.describe('patient accounts and clinic settings', () => {
  test('the manager sets contact details and retention, then closes a discharged patient’s account, which ends their sign-in', async ({ page, browser }) => {
    await signInAndWait(page, 'manager');
    await page.goto('/manager/settings');
    const contact = page.getByRole('region', { name: 'Contact details' });
    await contact.getByLabel('Phone').fill('not a phone');
    await contact.getByRole('button', { name: 'Save contact details' }).click();
    await expect(contact.getByText(/Enter a phone number/)).toBeVisible();
    await contact.getByLabel('Phone').fill('020 7946 0123');
    await contact.getByRole('button', { name: 'Save contact details' }).click();
    await expect(contact.getByText('Contact details saved.')).toBeVisible();
    const retention = page.getByRole('region', { name: 'Record retention' });
    await expect(retention.getByLabel('Years to keep a closed patient’s record')).toHaveValue('8');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('navigation', { name: 'Manager navigation' }).getByRole('link', { name: 'Patient accounts' }).click();
    // A patient still in care cannot be closed yet.
    await page.getByLabel('Patient’s email address').fill('derek.hughes@demo.test');
    await page.getByRole('button', { name: 'Find patient' }).click();
    await expect(page.getByRole('heading', { name: 'Derek Hughes' })).toBeVisible();
    await expect(page.getByText('This patient still has an open episode.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Close account' })).toHaveCount(0);

    // Sarah Nowak was discharged months ago; she is signed in elsewhere.
    const theirs = await browser.newContext();
    const them = await theirs.newPage();
    await them.goto('/login');
    await them.getByLabel('Email').fill('sarah.nowak.17@demo.test');
    await them.getByLabel('Password').fill('uplift-demo-2026');
    await them.getByRole('button', { name: 'Sign in' }).click();
    await expect(them).toHaveURL(/\/patient$/);

    await page.getByLabel('Patient’s email address').fill('sarah.nowak.17@demo.test');
    await page.getByRole('button', { name: 'Find patient' }).click();
    await expect(page.getByRole('heading', { name: 'Sarah Nowak' })).toBeVisible();
    await page.getByRole('button', { name: 'Close account' }).click();
    await expect(page.getByText('Tick the box to confirm.')).toBeVisible();
    await page.getByRole('checkbox', { name: /Close Sarah Nowak’s account/ }).check();
    await page.getByRole('button', { name: 'Close account' }).click();
    await expect(page.getByText('The account is closed.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Closed accounts and when their records are deleted' })).toContainText('Sarah Nowak');
    await expectNoSeriousA11yViolations(page);

    // Her open session ends on its next request.
    await them.goto('/patient');
    await expect(them).toHaveURL(/\/login/);
    await theirs.close();
  });
});
