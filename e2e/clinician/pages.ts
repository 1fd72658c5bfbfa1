import { expect, type Page } from '@playwright/test';

/** Page helpers for the clinician area, by role and label only. */
export function caseloadTable(page: Page) {
  return page.getByRole('table', { name: 'Your patients in active care' });
}

export async function openPatient(page: Page, name: string): Promise<string> {
  await page.goto('/clinician');
  await caseloadTable(page).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const match = /\/clinician\/patients\/([0-9a-f-]{36})/.exec(page.url());
  if (!match) throw new Error(`no record id in ${page.url()}`);
  return match[1]!;
}

const SECTION_PATHS = {
  Measurements: '/measurements',
  'Exercise plan': '/plan',
  'Goals and notes': '/notes',
  'Outcome and discharge': '/discharge',
} as const;

export async function openRecordSection(page: Page, patientName: string, section: keyof typeof SECTION_PATHS) {
  await page.getByRole('navigation', { name: `Record of ${patientName}` }).getByRole('link', { name: section }).click();
  await expect(page).toHaveURL(new RegExp(`${SECTION_PATHS[section]}$`));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(patientName) })).toBeVisible();
}
