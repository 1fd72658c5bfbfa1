import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signInAndWait, signOut } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { MS_PER_DAY } from '../../lib/time';
import { screenshotIfAsked } from '../fixtures/screenshots';

const ZONE = 'Europe/London';
const inLondon = (days: number, options: Intl.DateTimeFormatOptions, locale = 'en-GB') =>
  new Intl.DateTimeFormat(locale, { timeZone: ZONE, ...options }).format(new Date(Date.now() + days * MS_PER_DAY));

async function patientPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: ZONE, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/patient$/);
  await page.goto('/patient/appointments/book');
  await expect(page.getByRole('heading', { level: 1, name: 'Book a follow-up' })).toBeVisible();
  return page;
}

test('a clinician publishes availability, two patients try the same slot at once, one gets it, the other is offered the next free ones, and the day view shows both', async ({ page, browser }) => {
  // Two days ahead, on that weekday, 07:00–08:00 clinic time: two 30-minute slots a week.
  const weekday = inLondon(2, { weekday: 'long' });
  const slotDay = inLondon(2, { weekday: 'long', day: 'numeric', month: 'long' });
  const isoDay = inLondon(2, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA');

  await signInAndWait(page, 'clinician');
  await page.getByRole('navigation', { name: 'Clinician navigation' }).getByRole('link', { name: 'Availability' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Availability' })).toBeVisible();
  const weekly = page.getByRole('region', { name: 'Weekly hours' });
  await weekly.getByLabel('Day of the week').selectOption({ label: weekday });
  await weekly.getByLabel('From').fill('08:00');
  await weekly.getByLabel('Until').fill('07:00');
  await weekly.getByRole('button', { name: 'Add hours' }).click();
  await expect(weekly.getByText('The end must be after the start.')).toBeVisible();
  await weekly.getByLabel('From').fill('07:00');
  await weekly.getByLabel('Until').fill('08:00');
  await weekly.getByRole('button', { name: 'Add hours' }).click();
  await expect(weekly.getByRole('status')).toHaveText('Hours added.');
  await expect(weekly.getByRole('listitem').filter({ hasText: `${weekday} 07:00–08:00` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotIfAsked(page, 'clinician-availability', { bothSizes: true });

  try {
    // Two patients of Sam Patel open the booking page and choose the same slot.
    const jamie = await patientPage(browser, 'patient@demo.test');
    const derek = await patientPage(browser, 'derek.hughes@demo.test');
    await expectNoSeriousA11yViolations(jamie);
    await screenshotIfAsked(jamie, 'patient-book', { bothSizes: true });
    for (const patient of [jamie, derek]) await patient.getByRole('radio', { name: `${slotDay}, 07:00` }).check();
    await jamie.getByRole('button', { name: 'Book this time' }).click();
    await expect(jamie).toHaveURL(/\/patient\/appointments\?booked=1$/);
    await expect(jamie.getByRole('status').filter({ hasText: 'Your follow-up is booked.' })).toBeVisible();
    await expect(jamie.getByRole('region', { name: 'Coming visits' })).toContainText('07:00–07:30');

    await derek.getByRole('button', { name: 'Book this time' }).click();
    await expect(derek.getByRole('alert').filter({ hasText: 'Sorry' })).toHaveText('Sorry, that time has just been taken. Here are the next free times.');
    const nextFree = derek.getByRole('group', { name: 'Next free times' });
    await expect(nextFree.getByRole('radio').first()).toHaveAccessibleName(/07:30–08:00/);
    await expect(derek.getByRole('radio', { name: `${slotDay}, 07:00` })).toHaveCount(0);
    await expectNoSeriousA11yViolations(derek);
    await screenshotIfAsked(derek, 'patient-book-taken', { bothSizes: true });
    await nextFree.getByRole('radio').first().check();
    await derek.getByRole('button', { name: 'Book this time' }).click();
    await expect(derek).toHaveURL(/\/patient\/appointments\?booked=1$/);
    await expect(derek.getByRole('region', { name: 'Coming visits' })).toContainText('07:30–08:00');

    // Jamie downloads the visit for their calendar.
    const download = jamie.waitForEvent('download');
    await jamie.getByRole('region', { name: 'Coming visits' }).getByRole('listitem').filter({ hasText: '07:00–07:30' }).getByRole('link', { name: /Add to my calendar/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^visit-\d{4}-\d{2}-\d{2}\.ics$/);

    // Jamie makes a private calendar address: it serves the visits until it is turned off, then 404.
    const feed = jamie.getByRole('region', { name: 'See your visits in your own calendar' });
    await feed.getByRole('button', { name: 'Make a calendar address' }).click();
    const address = await feed.getByLabel('Calendar address').inputValue();
    expect(address).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
    const served = await derek.request.get(address);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await served.text()).toContain('X-WR-TIMEZONE:Europe/London');
    await expectNoSeriousA11yViolations(jamie);
    await feed.getByRole('button', { name: 'Turn off the calendar address' }).click();
    await expect(feed.getByRole('status')).toContainText('Your calendar address is turned off.');
    expect((await derek.request.get(address)).status()).toBe(404);
    await jamie.context().close();
    await derek.context().close();

    // The clinician's day shows both, with their flags and figures.
    await page.goto(`/clinician/day?date=${isoDay}`);
    const jamieCard = page.getByRole('article', { name: '07:00 Jamie Taylor' });
    await expect(jamieCard).toContainText('Pain then → now');
    await expect(jamieCard).toContainText('Adherence');
    await expect(page.getByRole('article', { name: '07:30 Derek Hughes' })).toBeVisible();
    await expect(jamieCard).toContainText('Attendance can be recorded once the visit has started.');
    await expectNoSeriousA11yViolations(page);
    await screenshotIfAsked(page, 'clinician-day', { bothSizes: true });
  } finally {
    // Take the hours down again, whatever happened above, so other journeys book freely.
    await page.goto('/clinician/availability');
    await page.getByRole('button', { name: `Remove ${weekday} 07:00–08:00` }).click();
    await expect(page.getByText('No hours published yet: patients cannot book with you online.')).toBeVisible();
  }
  await signOut(page);

  await signInAndWait(page, 'manager');
  await page.goto('/manager/attendance');
  await expect(page.getByRole('table', { name: /Attendance by clinician/ }).getByRole('rowheader', { name: 'Sam Patel' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotIfAsked(page, 'manager-attendance', { bothSizes: true });
});
