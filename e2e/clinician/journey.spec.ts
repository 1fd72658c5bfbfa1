import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { caseloadTable, openPatient, openRecordSection } from './pages';

test.describe('a clinician between appointments', () => {
  test('sees the worsening patient first, acknowledges the alert, records ROM and edits the plan the patient then sees', async ({ page, browser }) => {
    await signInAndWait(page, 'clinician');

    // Needs attention first: Derek Hughes has an open worsening alert.
    const firstRow = caseloadTable(page).getByRole('row').nth(1);
    await expect(firstRow.getByRole('rowheader')).toHaveText('Derek Hughes');
    await expect(firstRow).toContainText('Pain getting worse');
    const alertsLink = page.getByRole('navigation', { name: 'Clinician navigation' }).getByRole('link', { name: /Alerts/ });
    const badgeBefore = Number((await alertsLink.textContent())?.match(/\d+/)?.[0] ?? '0');
    expect(badgeBefore).toBeGreaterThanOrEqual(1);

    // Open the alert in the inbox and acknowledge it with a comment.
    await alertsLink.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
    const alert = page.getByRole('article', { name: 'Pain getting worse: Derek Hughes' });
    await expect(alert).toContainText('Usual level');
    // What the rule means is written once for the page, not on every card.
    await page.getByText('What the alerts mean').click();
    await expect(page.getByRole('term').filter({ hasText: 'Pain getting worse' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'at least 2 points above the usual level' })).toBeVisible();
    // A second tab, opened before the acknowledgement, still shows the alert as open.
    const staleTab = await page.context().newPage();
    await staleTab.goto('/clinician/alerts');
    await expect(staleTab.getByRole('region', { name: 'Open' }).getByRole('article', { name: 'Pain getting worse: Derek Hughes' })).toBeVisible();
    await alert.getByLabel('Comment (optional)').fill('Phoned Derek; booked a review tomorrow.');
    await alert.getByRole('button', { name: 'Acknowledge alert for Derek Hughes' }).click();
    const closed = page.getByRole('region', { name: 'Recently closed' }).getByRole('article', { name: 'Pain getting worse: Derek Hughes' });
    await expect(closed).toContainText('Acknowledged by Sam Patel');
    await expect(closed).toContainText('Phoned Derek; booked a review tomorrow.');
    await expect(alertsLink).not.toContainText(String(badgeBefore));

    // Acknowledging it again from the stale tab is refused in words, on the card, which now shows who closed it.
    // Derek also has a severe-pain alert, with a button of the same name: act on the worsening alert's card.
    await staleTab.getByRole('article', { name: 'Pain getting worse: Derek Hughes' }).getByRole('button', { name: 'Acknowledge alert for Derek Hughes' }).click();
    const refused = staleTab.getByRole('region', { name: 'Recently closed' }).getByRole('article', { name: 'Pain getting worse: Derek Hughes' });
    await expect(refused.getByRole('alert')).toHaveText('Someone already closed this alert.');
    await expect(refused).toContainText('Phoned Derek; booked a review tomorrow.');
    await staleTab.close();

    // Record range of motion for Jamie Taylor.
    await openPatient(page, 'Jamie Taylor');
    await openRecordSection(page, 'Jamie Taylor', 'Measurements');
    await page.getByLabel('Lumbar flexion (degrees)').fill('57');
    await page.getByLabel('Fingertip-to-floor distance (cm)').fill('8');
    await page.getByRole('button', { name: 'Save measurements' }).click();
    await expect(page.getByText('2 measurements saved.')).toBeVisible();
    const history = page.getByRole('table', { name: 'All measurements, newest first' });
    await expect(history.getByRole('row').filter({ hasText: 'Lumbar flexion' }).filter({ hasText: '57°' })).toHaveCount(1);

    // A value outside the accept range is refused next to its field; nothing is saved.
    await page.getByLabel('Lumbar extension (degrees)').fill('75');
    await page.getByRole('button', { name: 'Save measurements' }).click();
    await expect(page.getByText('Extension must be between 0° and 60°.')).toBeVisible();
    await expect(page.getByLabel('Lumbar extension (degrees)')).toHaveAttribute('aria-invalid', 'true');

    // The record's trend for that movement has the new value in its table, shown when asked for.
    await page.getByRole('navigation', { name: 'Record of Jamie Taylor' }).getByRole('link', { name: 'Overview' }).click();
    const flexion = page.getByRole('figure', { name: /^Lumbar flexion/ });
    await expect(flexion.getByRole('table')).toHaveCount(0);
    await flexion.getByText('Show the numbers as a table').click();
    await expect(flexion.getByRole('table', { name: /^Lumbar flexion/ }).getByRole('cell', { name: '57', exact: true })).toHaveCount(1);
    // The timeline, newest first, starts with the measurements just saved.
    const latestEvent = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first();
    await expect(latestEvent).toContainText('Measurement');
    await expect(latestEvent).toContainText('57°');

    // Add an exercise to the plan and save it as a new version.
    await openRecordSection(page, 'Jamie Taylor', 'Exercise plan');
    await page.getByLabel('Search exercises').fill('nerve');
    await page.getByRole('button', { name: 'Add Seated nerve glide' }).click();
    const plan = page.getByRole('list', { name: 'Exercises in the plan' });
    await expect(plan.getByRole('heading', { name: /Seated nerve glide/ })).toBeVisible();
    await page.getByLabel('What changed (optional)').fill('Added a nerve glide for the leg symptoms.');
    await page.getByRole('button', { name: /Save as version 3/ }).click();
    await expect(page.getByText('Saved as version 3. The patient sees it now.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Version 3 (current)' })).toBeVisible();

    // The patient, in their own browser, sees the new exercise.
    // Depends on the patient Today page listing today's exercises from the newest plan version.
    const patientContext = await browser.newContext();
    const patientPage = await patientContext.newPage();
    await signInAndWait(patientPage, 'patient');
    await expect(patientPage.getByText('Seated nerve glide').first()).toBeVisible();
    await patientContext.close();
  });
});
