import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { download, unzipText } from '../fixtures/downloads';
import { screenshotIfAsked } from '../fixtures/screenshots';

test.describe('exporting the clinic', () => {
  test('the manager downloads every record as FHIR NDJSON files with a manifest', async ({ page }) => {
    await signInAndWait(page, 'manager');
    await page.getByRole('link', { name: 'Export', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Export the clinic' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshotIfAsked(page, 'manager-export-desktop');

    const zip = await download(page, () => page.getByRole('link', { name: 'Download the clinic’s records (FHIR)' }).click());
    expect(zip.name).toMatch(/^uplift-clinic-fhir-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipText(zip.bytes);
    const manifest = JSON.parse(files['manifest.json']!) as { output: { type: string; url: string; count: number }[] };
    expect(Object.keys(files)).toEqual([...manifest.output.map((output) => output.url), 'manifest.json']);
    for (const output of manifest.output) {
      const lines = files[output.url]!.split('\n').filter(Boolean);
      expect(lines, output.url).toHaveLength(output.count);
      expect(lines.every((line) => (JSON.parse(line) as { resourceType: string }).resourceType === output.type)).toBe(true);
    }
    const patients = files['Patient.ndjson']!.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { name: { text: string }[] });
    expect(patients.map((patient) => patient.name[0]!.text)).toContain('Jamie Taylor');
  });
});
