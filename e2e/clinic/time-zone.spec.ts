import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { totpCode } from '../../lib/auth/totp';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';

/**
 * A clinic in New York, created with `npm run clinic:create -- --time-zone America/New_York --country US`
 * before the server started (playwright.config.ts), from its manager's first sign-in to a patient's pain
 * score on the New York day.
 */
const NEW_YORK = 'America/New_York';
const PASSWORD = 'hudson river morning 2026';

function inviteLink(): string {
  const file = path.join(process.env.E2E_DATA_DIR!, 'new-york-clinic.txt');
  const link = /https?:\/\/\S+\/invite\/[\w-]+/.exec(readFileSync(file, 'utf8'))?.[0];
  if (!link) throw new Error(`no invitation link in ${file}`);
  return link;
}

/** "3 Dec" (as the progress table labels a day) and "3 Dec 2026" (as the diary dates an entry) in `zone`. */
const shortDay = (zone: string, at = new Date()) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short' }).format(at);
const longDay = (zone: string, at = new Date()) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' }).format(at);
const hourIn = (zone: string, at = new Date()) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(at));

/** A zone where it is late evening (22:00–23:59) right now: one of these always is. */
function lateEveningZone(): string {
  const zones = [
    'Pacific/Pago_Pago', 'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Denver', 'America/Chicago', NEW_YORK,
    'America/Halifax', 'America/Sao_Paulo', 'Atlantic/South_Georgia', 'Atlantic/Cape_Verde', 'UTC', 'Africa/Lagos', 'Africa/Cairo',
    'Europe/Moscow', 'Asia/Dubai', 'Asia/Karachi', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Shanghai', 'Asia/Tokyo', 'Australia/Brisbane',
    'Pacific/Noumea', 'Pacific/Fiji', 'Pacific/Tongatapu', 'Pacific/Kiritimati',
  ];
  const late = zones.find((zone) => hourIn(zone) >= 22 && hourIn(zone) <= 23 && hourIn(zone, new Date(Date.now() + 5 * 60_000)) >= 22);
  if (!late) throw new Error('no zone in the list is in its late evening now');
  return late;
}

async function acceptInvitation(page: Page, link: string, email: string) {
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Type it again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page).toHaveURL(/\/(login|patient|clinician|manager|mfa-setup)/);
  if (page.url().includes('/login')) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
}

async function newPage(browser: Browser, phone = false): Promise<Page> {
  const context = await browser.newContext(
    phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timezoneId: NEW_YORK } : { viewport: { width: 1280, height: 800 }, timezoneId: NEW_YORK },
  );
  return context.newPage();
}

async function logPain(page: Page, score: number) {
  await page.goto('/patient/pain/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Log your pain' })).toBeVisible();
  await page.getByRole('group', { name: 'How bad is your pain right now?' }).getByText(String(score), { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Lower back' }).check();
  await page.getByRole('group', { name: /below the knee/ }).getByRole('radio', { name: 'No' }).check();
  const groups = page.getByRole('region', { name: 'Safety check' }).getByRole('group');
  await expect(groups).toHaveCount(10);
  for (let index = 0; index < 10; index += 1) await groups.nth(index).getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Save pain score' }).click();
  await expect(page.getByRole('heading', { name: 'Pain score saved' })).toBeVisible();
}

test('a New York clinic onboards a patient whose pain counts on the New York day, and on their own zone’s day once they choose one', async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);

  // The manager's first sign-in: password, then the authenticator a new clinic requires of managers.
  const manager = await newPage(browser);
  await acceptInvitation(manager, inviteLink(), 'lead@hudson.example');
  await expect(manager).toHaveURL(/\/mfa-setup/);
  await manager.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const key = (await manager.getByLabel('Setup key').textContent())!.replace(/\s/g, '');
  await manager.getByLabel('6-digit code from the app').fill(totpCode(key));
  await manager.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await manager.getByRole('link', { name: 'I have saved my codes — continue' }).click();
  await expect(manager).toHaveURL(/\/manager$/);

  // Settings show what clinic:create set; a zone that is not an IANA name is refused and nothing changes.
  await manager.goto('/manager/settings');
  const zoneField = manager.getByLabel('Clinic time zone');
  await expect(zoneField).toHaveValue(NEW_YORK);
  await expect(manager.getByLabel(/^Country/)).toHaveValue('US');
  await expectNoSeriousA11yViolations(manager);
  await zoneField.fill('EST');
  await manager.getByRole('button', { name: 'Save time zone and country' }).click();
  await expect(zoneField).toHaveAccessibleDescription(/“EST” is not a time zone we know/);
  await manager.reload();
  await expect(manager.getByLabel('Clinic time zone')).toHaveValue(NEW_YORK);

  // The manager invites a clinician, who signs up and adds a patient.
  await manager.goto('/manager/users');
  await manager.getByLabel('Full name').fill(`Casey Morales ${stamp}`);
  await manager.getByLabel('Email').fill(`casey.${stamp}@hudson.example`);
  await manager.getByRole('radio', { name: 'Clinician' }).check();
  await manager.getByRole('button', { name: 'Create invitation' }).click();
  const clinicianLink = await manager.getByLabel('Invitation link').inputValue();

  const clinician = await newPage(browser);
  await acceptInvitation(clinician, clinicianLink, `casey.${stamp}@hudson.example`);
  await expect(clinician).toHaveURL(/\/clinician$/);
  await clinician.goto('/clinician/patients/new');
  const patientEmail = `pat.${stamp}@hudson.example`;
  await clinician.getByLabel('Full name').fill(`Pat Okafor ${stamp}`);
  await clinician.getByLabel('Email').fill(patientEmail);
  await clinician.getByLabel('Date of birth').fill('1966-05-14');
  await clinician.getByLabel('Pain at the start (0–10)').fill('6');
  await clinician.getByRole('button', { name: 'Add patient and make invitation link' }).click();
  const patientLink = await clinician.getByLabel('Invitation link').inputValue();

  // The patient, on a phone in New York, logs pain: it is dated by the New York calendar.
  const patient = await newPage(browser, true);
  await acceptInvitation(patient, patientLink, patientEmail);
  await expect(patient).toHaveURL(/\/patient$/);
  await logPain(patient, 5);
  await patient.goto('/patient/pain');
  await expect(patient.getByText('Times are shown in your time zone (America/New York).')).toBeVisible();
  const entries = patient.getByRole('list', { name: 'Your pain entries, newest first' }).getByRole('listitem');
  await expect(entries.first()).toContainText(longDay(NEW_YORK));
  await expectNoSeriousA11yViolations(patient);
  await patient.goto('/patient/progress?range=4w');
  const pain = patient.getByRole('region', { name: 'Pain' });
  await pain.getByText('Show the numbers as a table').click();
  await expect(pain.getByRole('row', { name: new RegExp(`^${shortDay(NEW_YORK)} 5 `) })).toBeVisible();

  // The emergency advice names the clinic country's numbers, not the UK's.
  await patient.goto('/patient/learn/when-to-seek-urgent-help');
  await expect(patient.getByText(/go to the emergency room or call 911 now/).first()).toBeVisible();
  await expect(patient.getByText(/999|NHS 111/)).toHaveCount(0);

  // On their account page the patient moves to a zone where it is late evening now; a made-up zone is refused first.
  const late = lateEveningZone();
  await patient.goto('/patient/account');
  const section = patient.getByRole('region', { name: 'Time zone' });
  await expect(section.getByRole('radio', { name: 'My clinic’s (America/New York)' })).toBeChecked();
  await section.getByRole('radio', { name: 'My own, below' }).check();
  await section.getByLabel('My time zone').fill('Mars/Olympus_Mons');
  await section.getByRole('button', { name: 'Save time zone' }).click();
  await expect(section.getByLabel('My time zone')).toHaveAccessibleDescription(/is not a time zone we know/);
  await expectNoSeriousA11yViolations(patient);
  await section.getByLabel('My time zone').fill(late);
  await section.getByRole('button', { name: 'Save time zone' }).click();
  await expect(section.getByText('Time zone saved.')).toBeVisible();

  await logPain(patient, 7);
  await patient.goto('/patient/pain');
  await expect(patient.getByText(`Times are shown in your time zone (${late.replace(/_/g, ' ')}).`)).toBeVisible();
  await expect(entries.first()).toContainText(longDay(late));
  await patient.goto('/patient/progress?range=4w');
  await pain.getByText('Show the numbers as a table').click();
  await expect(pain.getByRole('row', { name: new RegExp(`^${shortDay(late)} 7 `) })).toBeVisible();
});
