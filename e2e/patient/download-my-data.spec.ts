import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { download, unzipText } from '../fixtures/downloads';
import { screenshotIfAsked } from '../fixtures/screenshots';

test.describe('download my data', () => {
  test('the patient downloads their data from the account page, and the summary, FHIR record and tables open', async ({ page, browser }, testInfo) => {
    await signInAndWait(page, 'patient');
    await page.goto('/patient/account');
    const section = page.getByRole('region', { name: 'Download my data' });
    await expect(section).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshotIfAsked(page, `account-${testInfo.project.name}`);

    const zip = await download(page, () => section.getByRole('button', { name: 'Download my data' }).click());
    expect(zip.name).toMatch(/^uplift-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipText(zip.bytes);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'appointments.csv', 'exercise-log.csv', 'messages.csv', 'pain-diary.csv', 'questionnaire-scores.csv', 'record.fhir.json', 'summary.html']);

    const bundle = JSON.parse(files['record.fhir.json']!) as { resourceType: string; type: string; entry: { resource: { resourceType: string; name?: { text: string }[] } }[] };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const patients = bundle.entry.filter((entry) => entry.resource.resourceType === 'Patient');
    expect(patients.map((entry) => entry.resource.name?.[0]?.text)).toEqual(['Jamie Taylor']);

    const pain = files['pain-diary.csv']!.trim().split('\r\n');
    expect(pain[0]).toBe('recorded_at_utc,recorded_local,pain_0_to_10,worst_24h_0_to_10,where,below_knee,note');
    expect(pain.length).toBeGreaterThan(30);
    expect(files['exercise-log.csv']!.split('\r\n').length).toBeGreaterThan(10);
    expect(files['questionnaire-scores.csv']).toContain('Oswestry Disability Index');

    // The summary opens in a browser on its own (no network, no scripts) and reads as a document.
    const summaryFile = testInfo.outputPath('summary.html');
    await writeFile(summaryFile, files['summary.html']!);
    const context = await browser.newContext();
    const reader = await context.newPage();
    await reader.goto(`file://${summaryFile}`);
    await expect(reader.getByRole('heading', { level: 1, name: 'Your data from Demo Physio Clinic' })).toBeVisible();
    await expect(reader.getByRole('table', { name: /Exercise plan/ })).toBeVisible();
    await expect(reader.getByRole('table', { name: /Pain diary/ }).getByRole('row')).not.toHaveCount(0);
    await expectNoSeriousA11yViolations(reader);
    await screenshotIfAsked(reader, `summary-${testInfo.project.name}`);
    await context.close();

    // The same request sent from another site is refused.
    const crossSite = await page.request.post('/api/exports/my-data', { headers: { Origin: 'https://evil.example' } });
    expect(crossSite.status()).toBe(403);
  });
});
