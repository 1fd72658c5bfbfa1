import { expect, test } from '@playwright/test';
import { signInAndWait, signOut } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { openPatient } from '../clinician/pages';
import { MS_PER_DAY } from '../../lib/time';
import { screenshotIfAsked } from '../fixtures/screenshots';

/** A calendar day `days` from now in the clinic's zone (Europe/London), as a date input takes it. */
function dayFromNow(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * MS_PER_DAY));
}

test('a clinician books visits from the record; an overlap is refused; the patient sees the next visit and all of them', async ({ page }) => {
  const day = dayFromNow(9);
  await signInAndWait(page, 'clinician');
  await openPatient(page, 'Jamie Taylor');
  await page.getByRole('navigation', { name: 'Record of Jamie Taylor' }).getByRole('link', { name: 'Visits' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Visits: Jamie Taylor' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const form = page.getByRole('region', { name: 'Book a visit' });
  await form.getByLabel('How').selectOption({ label: 'In person' });
  await form.getByLabel('Date').fill(day);
  await form.getByLabel('Start time').fill('10:00');
  await form.getByLabel('Length in minutes').fill('45');
  await form.getByLabel('Place').fill('Room 3, Riverside Clinic');
  await form.getByRole('button', { name: 'Book visit' }).click();
  await expect(form.getByRole('status')).toHaveText('Visit booked.');
  const coming = page.getByRole('region', { name: 'Coming visits' });
  await expect(coming).toContainText('10:00–10:45');
  await expect(coming).toContainText('In person with Sam Patel, at Room 3, Riverside Clinic');

  // The same clinician at an overlapping time: refused next to the time, nothing stored.
  await form.getByLabel('How').selectOption({ label: 'Video call' });
  await form.getByLabel('Date').fill(day);
  await form.getByLabel('Start time').fill('10:30');
  await form.getByLabel('Video link').fill('https://meet.example/jamie');
  await form.getByRole('button', { name: 'Book visit' }).click();
  await expect(form.getByLabel('Start time')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('That time has just been taken: the clinician already has a visit then.')).toBeVisible();
  // Nothing was stored (other journeys may have booked Jamie other visits).
  await expect(coming.getByRole('listitem').filter({ hasText: '10:30–' })).toHaveCount(0);
  // Moved to after the first visit, it is booked.
  await form.getByLabel('Start time').fill('11:00');
  await form.getByRole('button', { name: 'Book visit' }).click();
  await expect(form.getByRole('status')).toHaveText('Visit booked.');
  await expect(coming.getByRole('listitem').filter({ hasText: '11:00–11:30' })).toHaveCount(1);
  await screenshotIfAsked(page, 'clinician-visits', { bothSizes: true });
  await signOut(page);

  await signInAndWait(page, 'patient');
  const next = page.getByRole('region', { name: 'Your next visit' });
  await expect(next).toContainText('with Sam Patel');
  await expectNoSeriousA11yViolations(page);
  await next.getByRole('link', { name: 'All your appointments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Appointments' })).toBeVisible();
  const mine = page.getByRole('region', { name: 'Coming visits' });
  await expect(mine.getByRole('listitem').filter({ hasText: '10:00–10:45' })).toHaveCount(1);
  await expect(mine.getByRole('link', { name: /Join the video call/ })).toHaveAttribute('href', 'https://meet.example/jamie');
  await expectNoSeriousA11yViolations(page);
  await screenshotIfAsked(page, 'patient-appointments', { bothSizes: true });

  // Cancel the video visit (more than 24 hours ahead): it shows as cancelled.
  const video = mine.getByRole('listitem').filter({ hasText: 'Video call' });
  await video.getByRole('button', { name: /Cancel this visit/ }).click();
  await expect(video).toContainText('Cancelled');
  await expect(video.getByRole('button', { name: /Cancel this visit/ })).toHaveCount(0);
});
