import { expect, test, type Page } from '@playwright/test';
import { signInAndWait } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { screenshotIfAsked } from '../fixtures/screenshots';
import { onboardNewPatient } from '../patient/onboard';

/** The unread count the navigation's Notifications link announces ("Notifications, 3 unread"), 0 when none. */
async function unreadCount(page: Page): Promise<number> {
  const link = page.getByRole('navigation', { name: 'Clinician navigation' }).getByRole('link', { name: /^Notifications/ });
  await expect(link).toBeVisible();
  const name = (await link.getAttribute('aria-label')) ?? 'Notifications';
  return Number(name.match(/, (\d+) unread$/)?.[1] ?? '0');
}

test('a clinician sees the notification for a new urgent alert, opens it and marks it read', async ({ browser }) => {
  test.setTimeout(180_000);
  const name = `Una Urgent ${Date.now() % 100_000}`;
  const { patient, clinician } = await onboardNewPatient(browser, name);
  await clinician.goto('/clinician');
  const before = await unreadCount(clinician);

  // The patient logs pain and answers yes to a cauda equina question: an emergency alert.
  await patient.goto('/patient/pain/new?score=6');
  await patient.getByRole('checkbox', { name: 'Lower back' }).check();
  await patient.getByRole('group', { name: /below the knee/ }).getByRole('radio', { name: 'No', exact: true }).check();
  const safety = patient.getByRole('region', { name: 'Safety check' });
  const groups = safety.getByRole('group');
  const count = await groups.count();
  for (let index = 0; index < count; index += 1) await groups.nth(index).getByRole('radio', { name: 'No', exact: true }).check();
  await safety.getByRole('group', { name: /trouble passing urine/ }).getByRole('radio', { name: 'Yes', exact: true }).check();
  await patient.getByRole('button', { name: 'Save pain score' }).click();
  await expect(patient.getByRole('alert').filter({ hasText: 'Seek emergency care now' })).toBeVisible();

  // The clinician's navigation counts it at once (written with the alert, not by a background job).
  await clinician.goto('/clinician');
  const link = clinician.getByRole('navigation', { name: 'Clinician navigation' }).getByRole('link', { name: `Notifications, ${before + 1} unread` });
  await expect(link).toBeVisible();
  await link.click();
  await expect(clinician.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const item = clinician.getByRole('listitem').filter({ hasText: 'You have an urgent alert to review at' }).first();
  await expect(item).toContainText('Unread');
  // Nothing about the patient or what they answered: that is behind the link.
  await expect(clinician.getByRole('main')).not.toContainText(name);
  await expect(clinician.getByRole('main')).not.toContainText(/urine|bladder|cauda/i);
  await expectNoSeriousA11yViolations(clinician);
  await screenshotIfAsked(clinician, 'notifications-desktop');
  await clinician.setViewportSize({ width: 390, height: 844 });
  await screenshotIfAsked(clinician, 'notifications-phone');
  await clinician.setViewportSize({ width: 1280, height: 800 });

  // Marked read: the count goes down.
  await item.getByRole('button', { name: /^Mark as read/ }).click();
  await expect(clinician.getByRole('navigation', { name: 'Clinician navigation' }).getByRole('link', { name: before > 0 ? `Notifications, ${before} unread` : 'Notifications', exact: true })).toBeVisible();

  // It opens its page: the alert, with the details, behind sign-in.
  await clinician.getByRole('link', { name: /You have an urgent alert to review at/ }).first().click();
  await expect(clinician.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
  await expect(clinician.getByRole('region', { name: 'Open' }).getByRole('article', { name: `Red flag: ${name}` })).toBeVisible();

  // All at once.
  await clinician.goto('/clinician/notifications');
  if (before > 0) {
    await clinician.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(clinician.getByText('All read.')).toBeVisible();
  }
  await expect(clinician.getByRole('navigation', { name: 'Clinician navigation' }).getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  await expect(clinician.getByRole('button', { name: 'Mark all as read' })).toHaveCount(0);

  // The patient's own notifications page, empty, is accessible on a phone.
  await patient.goto('/patient/notifications');
  await expect(patient.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(patient.getByText('You have no notifications.')).toBeVisible();
  await expectNoSeriousA11yViolations(patient);
  await screenshotIfAsked(patient, 'patient-notifications-phone');
});

test('a clinician switches on the morning summary, and a manager sees delivery counts without content', async ({ browser }) => {
  const clinicianContext = await browser.newContext();
  const clinician = await clinicianContext.newPage();
  await signInAndWait(clinician, 'clinician');
  await clinician.goto('/clinician/account');
  const section = clinician.getByRole('region', { name: 'Morning summary' });
  await section.getByRole('radio', { name: 'Yes, every morning' }).check();
  await section.getByRole('button', { name: 'Save morning summary' }).click();
  await expect(clinician.getByRole('region', { name: 'Morning summary' }).getByRole('status')).toHaveText('Saved.');
  await expect(clinician.getByRole('region', { name: 'Morning summary' }).getByRole('radio', { name: 'Yes, every morning' })).toBeChecked();
  await expectNoSeriousA11yViolations(clinician);
  await section.scrollIntoViewIfNeeded();
  await screenshotIfAsked(clinician, 'account-morning-summary-desktop');
  await section.getByRole('radio', { name: 'No', exact: true }).check();
  await section.getByRole('button', { name: 'Save morning summary' }).click();
  await expect(clinician.getByRole('region', { name: 'Morning summary' }).getByRole('radio', { name: 'No', exact: true })).toBeChecked();
  await clinicianContext.close();

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAndWait(manager, 'manager');
  await manager.goto('/manager/settings');
  const delivery = manager.getByRole('region', { name: 'Notification delivery' });
  await expect(delivery.getByRole('rowheader', { name: 'Email' })).toBeVisible();
  await expect(delivery.getByRole('columnheader', { name: 'Failed' })).toBeVisible();
  // E2E runs without SMTP: the urgent alerts' emails wait in the outbox and are counted as waiting.
  const emailRow = delivery.getByRole('row').filter({ has: manager.getByRole('rowheader', { name: 'Email' }) });
  await expect(emailRow.getByRole('cell').nth(1)).not.toHaveText('0');
  await expectNoSeriousA11yViolations(manager);
  await delivery.scrollIntoViewIfNeeded();
  await screenshotIfAsked(manager, 'manager-settings-delivery-desktop');
  await managerContext.close();
});
