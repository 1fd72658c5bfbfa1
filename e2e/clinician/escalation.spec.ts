import { expect, test } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { screenshotIfAsked } from '../fixtures/screenshots';

/**
 * The demo seed (db/seed.ts) has Ivan Petrov, Alex Morgan's patient, report a weakening leg six hours before
 * the server started; nobody acknowledged it within the clinic's 4-hour window, and the escalation evaluation
 * passed it to the safety lead, Sam Patel. The journey reads that as the lead and the manager would.
 */
test('the safety lead sees an alert escalated to them, opens that patient for it, and the manager sees the access', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAndWait(page, 'clinician');
  await page.getByRole('navigation', { name: 'Clinician navigation' }).getByRole('link', { name: /Alerts/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();

  const escalated = page.getByRole('region', { name: 'Escalated to you' });
  const alert = escalated.getByRole('article', { name: 'Red flag: Ivan Petrov' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Alex Morgan’s patient. Not acknowledged within 4 hours; escalated');
  await expect(alert).toContainText('Worsening leg weakness');
  // Not Sam's own patient: the alert is not in their open list.
  await expect(page.getByRole('region', { name: 'Open' }).getByRole('article', { name: 'Red flag: Ivan Petrov' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await screenshotIfAsked(page, 'alerts-escalated-desktop');

  // The record is reached by the alert's own link, which carries the escalation.
  await alert.getByRole('link', { name: 'Ivan Petrov' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ivan Petrov' })).toBeVisible();
  await expect(page).toHaveURL(/\/clinician\/patients\/[0-9a-f-]{36}\?escalation=[0-9a-f-]{36}$/);
  await expect(page.getByText('You are viewing this record as the clinic’s safety lead')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotIfAsked(page, 'record-escalated-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshotIfAsked(page, 'record-escalated-phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The manager sees the waiting alert counted against Alex, with no clinical detail, and Sam's access in the audit trail.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAndWait(manager, 'manager');
  await manager.getByRole('link', { name: 'Cover and alerts' }).click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Cover and alerts' })).toBeVisible();
  const alexRow = manager.getByRole('row').filter({ has: manager.getByRole('rowheader', { name: 'Alex Morgan' }) });
  // Cells after the name: at work or away, active episodes, alerts not acknowledged, oldest has waited, escalated, cover.
  await expect(alexRow.getByRole('cell').nth(2)).not.toHaveText('0');
  await expect(alexRow.getByRole('cell').nth(4)).not.toHaveText('0');
  await expect(alexRow).not.toContainText(/leg|red flag/i);
  await expectNoSeriousA11yViolations(manager);

  await manager.getByRole('link', { name: 'Security and audit' }).click();
  await manager.getByRole('link', { name: /^Audit trail/ }).click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await manager.getByLabel('Person (staff name or email, or a patient’s pseudonym)').fill('Sam Patel');
  await manager.getByRole('button', { name: 'Show events' }).click();
  const access = manager
    .getByRole('table', { name: 'Audit events, newest first' })
    .getByRole('row')
    .filter({ hasText: 'Viewed the patient record as safety lead, for an escalated alert' })
    .first();
  await expect(access).toContainText('Sam Patel (clinician)');
  await expect(access).toContainText('Allowed');
  await expectNoSeriousA11yViolations(manager);
  await screenshotIfAsked(manager, 'audit-escalation-desktop');
  await managerContext.close();
});
