import { expect, test, type Locator, type Page } from '@playwright/test';
import { signInAndWait } from './fixtures/accounts';
import { openPatient } from './clinician/pages';

/**
 * Pages with independent panels stream: the shell and the first panel are on screen while a slower panel
 * is still being read, and that panel's skeleton is replaced when it arrives. The server holds back the
 * named panel for a few seconds (`x-uplift-slow-panel`, honoured only under UPLIFT_TEST_HOOKS=1, see
 * lib/testing/slow-panel.ts), standing in for its slowest query, so the order is certain rather than a race.
 * Two views of the same thing: the raw HTML (the fallback is written before the panel's content, in one
 * response) and the browser (the skeleton shows, the content replaces it).
 */
type Streamed = { path: string; slow: string; loading: string; firstPanel: (page: Page) => Locator; slowPanel: (page: Page) => Locator; slowMarker: string };

async function expectStreams(page: Page, streamed: Streamed): Promise<void> {
  const headers = { 'x-uplift-slow-panel': streamed.slow };
  const html = await (await page.request.get(streamed.path, { headers })).text();
  const fallbackAt = html.indexOf(`Loading ${streamed.loading}…`);
  expect(fallbackAt, 'the skeleton is in the streamed HTML').toBeGreaterThan(-1);
  expect(html.indexOf(streamed.slowMarker, fallbackAt), 'the panel follows its skeleton in the same response').toBeGreaterThan(fallbackAt);

  await page.setExtraHTTPHeaders(headers);
  await page.goto(streamed.path, { waitUntil: 'commit' });
  await expect(streamed.firstPanel(page)).toBeVisible();
  await expect(page.getByText(`Loading ${streamed.loading}…`)).toBeAttached();
  await expect(streamed.slowPanel(page)).toHaveCount(0);

  await expect(streamed.slowPanel(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(`Loading ${streamed.loading}…`)).toHaveCount(0);
  await page.setExtraHTTPHeaders({});
}

test('the clinician’s patient record shows its header first, then the charts and the timeline', async ({ page }) => {
  await signInAndWait(page, 'clinician');
  const episodeId = await openPatient(page, 'Derek Hughes');
  await expectStreams(page, {
    path: `/clinician/patients/${episodeId}`,
    slow: 'record-trends',
    loading: 'the charts',
    firstPanel: (current) => current.getByRole('heading', { level: 1, name: 'Derek Hughes' }),
    slowPanel: (current) => current.getByRole('heading', { level: 3, name: 'Range of motion' }),
    slowMarker: 'Range of motion',
  });
  await expectStreams(page, {
    path: `/clinician/patients/${episodeId}`,
    slow: 'record-timeline',
    loading: 'the timeline',
    firstPanel: (current) => current.getByRole('heading', { level: 3, name: 'Range of motion' }),
    slowPanel: (current) => current.getByText(/^The latest \d+ events, newest first\.$/),
    slowMarker: 'newest first.',
  });
});

test('the manager overview shows the clinic and its counts first, then the outcome figures', async ({ page }) => {
  await signInAndWait(page, 'manager');
  await expectStreams(page, {
    path: '/manager',
    slow: 'outcomes',
    loading: 'the episode counts',
    firstPanel: (current) => current.getByText('Patients in active care'),
    slowPanel: (current) => current.getByRole('table', { name: 'Outcomes by clinician' }),
    slowMarker: 'Outcomes by clinician',
  });
});

test('the patient’s Today shows the greeting and pain score first, then the exercises and questionnaire', async ({ page }) => {
  await signInAndWait(page, 'patient');
  await expectStreams(page, {
    path: '/patient',
    slow: 'today-plan',
    loading: 'today’s exercises',
    firstPanel: (current) => current.getByRole('heading', { level: 2, name: 'Latest pain score' }),
    slowPanel: (current) => current.getByText(/^\d+ of \d+ done$/),
    slowMarker: ' done</p>',
  });
  await expectStreams(page, {
    path: '/patient',
    slow: 'today-questionnaire',
    loading: 'what questionnaire is due',
    firstPanel: (current) => current.getByRole('heading', { level: 1, name: /^Hello,/ }),
    // Either way the panel ends in a link to the questionnaires or says nothing is due (the skeleton has neither).
    slowPanel: (current) => {
      const panel = current.getByRole('region', { name: 'Questionnaires' });
      return panel.getByRole('link').or(panel.getByText('Nothing is due at the moment.'));
    },
    slowMarker: 'Questionnaires</h2><p',
  });
});

test('a streamed record view is one entry in the patient’s list of who viewed their record, not one per panel', async ({ page, browser }) => {
  await signInAndWait(page, 'clinician');
  const episodeId = await openPatient(page, 'Jamie Taylor');
  const patientContext = await browser.newContext();
  const patient = await patientContext.newPage();
  await signInAndWait(patient, 'patient');
  const views = async () => {
    await patient.goto('/patient/account');
    const list = patient.getByRole('region', { name: 'Who viewed or changed my record' }).getByRole('listitem');
    // The page lists the latest 100 events: below that, a new view always adds exactly one item.
    expect(await list.count()).toBeLessThan(99);
    return list.filter({ hasText: 'Viewed the patient record' }).count();
  };
  const before = await views();
  await page.goto(`/clinician/patients/${episodeId}`);
  await expect(page.getByText(/^The latest \d+ events, newest first\.$/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Range of motion' })).toBeVisible();
  expect(await views()).toBe(before + 1);
  await patientContext.close();
});
