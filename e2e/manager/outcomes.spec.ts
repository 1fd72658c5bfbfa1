import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { MS_PER_DAY } from '../../lib/time/days';

/** The values shown in the figure card titled `title` (its dd elements, in order). */
async function card(page: Page, title: string): Promise<string[]> {
  const term = page.getByRole('term').filter({ hasText: new RegExp(`^${title}$`) });
  // While a new filter loads, the figures are replaced by the loading screen: wait for them.
  await expect(term).toBeVisible();
  return term.locator('..').getByRole('definition').allInnerTexts();
}

/** RFC 4180 rows, skipping the `#` definition lines at the top. */
function parseCsv(text: string): { comments: string[]; header: string[]; rows: Record<string, string>[] } {
  const lines = text.split('\r\n').filter((line) => line.length > 0);
  const comments = lines.filter((line) => line.startsWith('# '));
  const table = lines.filter((line) => !line.startsWith('# ')).map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const char = line[i]!;
      if (quoted && char === '"' && line[i + 1] === '"') { cell += '"'; i += 1; }
      else if (char === '"') quoted = !quoted;
      else if (char === ',' && !quoted) { cells.push(cell); cell = ''; }
      else cell += char;
    }
    cells.push(cell);
    return cells;
  });
  const [header = [], ...body] = table;
  return { comments, header, rows: body.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? '']))) };
}

const isoDaysAgo = (days: number) => new Date(Date.now() - days * MS_PER_DAY).toISOString().slice(0, 10);

test.describe('clinic outcomes', () => {
  test('the manager filters by date range and clinician, sees the charts change, drills down and downloads a CSV that matches the page', async ({ page }) => {
    await signInAndWait(page, 'manager');
    await expect(page.getByRole('heading', { level: 1, name: 'Demo Physio Clinic' })).toBeVisible();
    const clinicianChart = page.getByRole('figure', { name: 'Mean pain change to discharge, by clinician' });
    await expect(clinicianChart).toContainText('Sam Patel');
    await expect(clinicianChart).toContainText('Alex Morgan');
    const [allStarted] = await card(page, 'Episodes started');

    // A shorter date range: fewer episodes started in it.
    await page.getByLabel('Episodes starting from').fill(isoDaysAgo(120));
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`from=${isoDaysAgo(120)}`));
    // The address changes before the new figures replace the old ones: wait for them to change.
    await expect.poll(async () => (await card(page, 'Episodes started'))[0]).not.toBe(allStarted);
    const [recentStarted] = await card(page, 'Episodes started');
    expect(Number(recentStarted)).toBeLessThan(Number(allStarted));

    // Back to the last 12 months, for one clinician: the chart and table show only them.
    await page.getByRole('link', { name: 'Last 12 months' }).click();
    await expect(page).toHaveURL(/\/manager$/);
    await expect(page.getByLabel('Episodes starting from')).not.toHaveValue(isoDaysAgo(120));
    await page.getByLabel('Clinician', { exact: true }).selectOption({ label: 'Alex Morgan' });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page).toHaveURL(/clinician=/);
    await expect(page.getByText('Episodes starting', { exact: false }).filter({ hasText: 'clinician Alex Morgan' })).toBeVisible();
    await expect(clinicianChart).toContainText('Alex Morgan');
    await expect(clinicianChart).not.toContainText('Sam Patel');
    const byClinician = page.getByRole('table', { name: 'Outcomes by clinician' });
    await expect(byClinician.getByRole('rowheader')).toHaveText(['Alex Morgan']);
    const [alexStarted] = await card(page, 'Episodes started');
    expect(Number(alexStarted)).toBeLessThan(Number(allStarted));
    const mcid = await card(page, 'Reached the pain MCID at discharge');
    const [, met, of] = /(\d+) of (\d+)/.exec(mcid.join(' '))!;

    // Drill down from the MCID figure to the episodes behind it.
    await page.getByRole('link', { name: /^See the episodes ?: Reached the pain MCID at discharge$/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pain: reached the MCID at discharge' })).toBeVisible();
    const list = page.getByRole('table', { name: /Pain: reached the MCID at discharge/ });
    const rows = list.getByRole('row').filter({ has: page.getByRole('rowheader') });
    await expect(rows).toHaveCount(Number(of));
    const drilled = await list.getByRole('rowheader').allInnerTexts();
    expect(drilled.every((id) => /^EP-[A-Z0-9]{6}$/.test(id.trim()))).toBe(true);
    let yes = 0;
    for (const row of await rows.all()) {
      const cells = await row.getByRole('cell').allInnerTexts();
      expect(cells[0]).toBe('Alex Morgan');
      expect(cells[2]).toBe('Discharged');
      if (cells[5] === 'Yes') yes += 1;
    }
    expect(yes).toBe(Number(met));

    // The CSV: every episode of the filter, the same MCID count, and the definitions on top.
    await page.getByRole('link', { name: '← Back to outcomes' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV (episode level)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^uplift-outcomes-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
    expect(csv.comments.join('\n')).toContain('Reached the MCID');
    expect(csv.header).not.toContain('patient_name');
    expect(csv.rows).toHaveLength(Number(alexStarted));
    expect(new Set(csv.rows.map((row) => row.clinician))).toEqual(new Set(['Alex Morgan']));
    const withDischargeScore = csv.rows.filter((row) => row.status === 'discharged' && row.nprs_mcid_discharge !== '');
    expect(withDischargeScore).toHaveLength(Number(of));
    expect(withDischargeScore.filter((row) => row.nprs_mcid_discharge === 'yes')).toHaveLength(Number(met));
    expect(drilled.map((id) => id.trim()).every((id) => csv.rows.some((row) => row.pseudonymous_id === id))).toBe(true);
  });

  test('a small group is shown as too few to report, never as a number', async ({ page }) => {
    await signInAndWait(page, 'manager');
    await page.getByLabel('Episodes starting from').fill(isoDaysAgo(60));
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`from=${isoDaysAgo(60)}`));
    await expect(page.getByText('Too few to report').first()).toBeVisible();
    const [started] = await card(page, 'Episodes started');
    if (started !== 'Too few to report') expect(Number(started)).toBeGreaterThanOrEqual(5);
  });

  test('every manager page passes an accessibility scan', async ({ page }) => {
    await signInAndWait(page, 'manager');
    for (const path of ['/manager', '/manager/episodes?figure=nprs-mcid', '/manager/episodes', '/manager/users', '/manager/caseloads', '/manager/attendance', '/manager/settings']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    }
  });
});

test.describe('manager area access', () => {
  for (const account of ['clinician', 'patient'] as const) {
    test(`a ${account} gets 403 from every manager page and the export`, async ({ page }) => {
      await signInAndWait(page, account);
      for (const path of ['/manager', '/manager/episodes', '/manager/users', '/manager/caseloads', '/manager/attendance', '/manager/settings']) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
      }
      const exported = await page.request.get('/api/exports/outcomes');
      expect(exported.status()).toBe(403);
      expect(await exported.text()).not.toContain('pseudonymous_id');
    });
  }

  test('the export needs a session and is never cached', async ({ page }) => {
    const anonymous = await page.request.get('/api/exports/outcomes');
    expect(anonymous.status()).toBe(401);
    await signInAndWait(page, 'manager');
    const response = await page.request.get('/api/exports/outcomes');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('private, no-store');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="uplift-outcomes-/);
    const bad = await page.request.get('/api/exports/outcomes?from=2026-02-30');
    expect(bad.status()).toBe(400);
  });
});
