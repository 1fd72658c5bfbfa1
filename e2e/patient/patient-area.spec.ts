import { expect, test, type Page } from '@playwright/test';
import { signInAndWait, signOut } from '../fixtures/accounts';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';

/** Picks a number on one of the 0–10 scales (large radio buttons labelled with the number). */
async function pickScale(page: Page, legend: string | RegExp, value: number) {
  await page.getByRole('group', { name: legend }).getByText(String(value), { exact: true }).click();
}

async function answerSafetyQuestions(page: Page, yesTo: RegExp | null = null) {
  const safety = page.getByRole('region', { name: 'Safety check' });
  const groups = safety.getByRole('group');
  // Nine red-flag questions and "anything new?"; a no keeps the cancer, infection and fracture questions hidden.
  await expect(groups).toHaveCount(10);
  for (let index = 0; index < 10; index += 1) {
    await groups.nth(index).getByRole('radio', { name: 'No', exact: true }).check();
  }
  if (yesTo) await safety.getByRole('group', { name: yesTo }).getByRole('radio', { name: 'Yes', exact: true }).check();
}

async function logPain(page: Page, score: number, options: { yesTo?: RegExp; note?: string } = {}) {
  await page.goto('/patient');
  await page.getByRole('link', { name: `Log pain ${score} out of 10` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log your pain' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Lower back' }).check();
  await page.getByRole('group', { name: /below the knee/ }).getByRole('radio', { name: 'No' }).check();
  if (options.note) await page.getByLabel('Anything else? (optional)').fill(options.note);
  await answerSafetyQuestions(page, options.yesTo ?? null);
  await page.getByRole('button', { name: 'Save pain score' }).click();
}

test.describe('patient journey on a phone', () => {
  test('logs pain, marks two exercises done and one skipped, and sees it on Today', async ({ page }) => {
    await signInAndWait(page, 'patient');
    await page.goto('/patient/progress?range=4w');
    const painSummary = page.getByRole('region', { name: 'Pain' }).getByText(/^Your average pain/);
    const summaryBefore = await painSummary.innerText();

    await logPain(page, 9, { note: '<b>bold</b> <img src=x onerror=alert(1)>' });
    await expect(page.getByRole('heading', { name: 'Pain score saved' })).toBeVisible();
    await expect(page.getByText('No warning signs in your answers. Thank you.')).toBeVisible();
    await expect(page.getByText('Seek emergency care now')).toHaveCount(0);

    // Markup in a note is shown as text, never rendered.
    await page.goto('/patient/pain');
    await expect(page.getByText('<b>bold</b> <img src=x onerror=alert(1)>')).toBeVisible();

    await page.goto('/patient');
    const exercises = page.getByRole('region', { name: 'Today’s exercises' }).getByRole('link');
    const names: string[] = [];
    for (const index of [0, 1]) {
      await exercises.nth(index).click();
      await expect(page).toHaveURL(/\/patient\/exercises\/[0-9a-f-]+$/);
      names.push(await page.getByRole('heading', { level: 1 }).innerText());
      await expect(page.getByRole('img', { name: /Simple drawing of a person/ })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'How much pain is OK?' })).toBeVisible();
      await page.getByRole('radio', { name: 'I did it all' }).check();
      await pickScale(page, 'How hard did it feel?', 4);
      await pickScale(page, /^Pain during the exercise/, 2);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByRole('status')).toHaveText(new RegExp(`Saved: ${names[index]} marked done`));
    }
    await exercises.nth(2).click();
    await expect(page).toHaveURL(/\/patient\/exercises\/[0-9a-f-]+$/);
    const skippedName = await page.getByRole('heading', { level: 1 }).innerText();
    await page.getByRole('radio', { name: 'I skipped it' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('group', { name: 'Why did you skip it?' })).toHaveAccessibleDescription('Choose a reason.');
    await page.getByRole('radio', { name: 'I didn’t have time' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(new RegExp(`Saved: ${skippedName} marked skipped`));
    const list = page.getByRole('region', { name: 'Today’s exercises' });
    await expect(list.getByRole('link', { name: new RegExp(names[0]!) })).toContainText(/Done (1 of|for today)/);
    await expect(list.getByRole('link', { name: new RegExp(skippedName) })).toContainText('skipped 1');

    // Undo within the same day.
    await list.getByRole('link', { name: new RegExp(skippedName) }).click();
    await page.getByRole('button', { name: /^Undo/ }).click();
    await expect(page.getByRole('heading', { name: 'Logged today' })).toHaveCount(0);

    // The progress chart and its summary now include today's score.
    await page.goto('/patient/progress?range=4w');
    const pain = page.getByRole('region', { name: 'Pain' });
    await expect(pain.getByRole('img', { name: /^Pain chart: highest pain each day/ })).toBeVisible();
    await expect(pain.getByText(/^Your average pain/)).not.toHaveText(summaryBefore);
    await pain.getByText('Show the numbers as a table').click();
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short' }).format(new Date());
    await expect(pain.getByRole('row', { name: new RegExp(`^${today} 9 `) })).toBeVisible();
  });

  test('completes an ODI one section per screen, resumes after leaving, and sees the result in plain words', async ({ page }) => {
    await signInAndWait(page, 'patient');
    await page.goto('/patient/questionnaires/odi');
    await expect(page.getByText('Step 1 of 10')).toBeVisible();
    const answers = [2, 1, 2, 1, 2, 2, 1, -1, 3, 2];
    for (const [index, answer] of answers.entries()) {
      if (index === 3) {
        // Leave half-way and come back: the answers so far are kept.
        await page.goto('/patient');
        await page.goto('/patient/questionnaires/odi');
      }
      await expect(page.getByText(`Step ${index + 1} of 10`)).toBeVisible();
      if (answer < 0) await page.getByRole('radio', { name: /Skip this section/ }).check();
      else await page.getByRole('radio').nth(answer).check();
      await page.getByRole('button', { name: index === 9 ? 'Finish and see my result' : 'Save and continue' }).click();
    }
    // (2+1+2+1+2+2+1+3+2) / 45 = 16/45 → 35.6 %, moderate (docs/CLINICAL.md, Oswestry).
    await expect(page.getByRole('heading', { name: '35.6 % disability score' })).toBeVisible();
    await expect(page.getByText('Moderate disability')).toBeVisible();
  });

  test('a yes to a red-flag question shows emergency advice at once, which cannot be dismissed', async ({ page, browser }) => {
    await signInAndWait(page, 'patient');
    await logPain(page, 6, { yesTo: /trouble passing urine/ });
    const alert = page.getByRole('alert').filter({ hasText: 'Seek emergency care now' });
    await expect(alert).toBeVisible();
    // The demo clinic is in the UK: its emergency number, not another country's.
    await expect(alert).toContainText('Call 999 or go to A&E now');
    await expect(alert.getByRole('link', { name: 'Call 999' })).toHaveAttribute('href', 'tel:999');
    await expect(alert.getByRole('button')).toHaveCount(0);
    await page.goto('/patient');
    await expect(page.getByRole('alert').filter({ hasText: 'Seek emergency care now' })).toBeVisible();

    // The clinician finds it at the top of their inbox, in clinical words rather than the form's codes.
    const clinicianContext = await browser.newContext();
    const clinician = await clinicianContext.newPage();
    await signInAndWait(clinician, 'clinician');
    await clinician.goto('/clinician/alerts');
    const inbox = clinician.getByRole('region', { name: 'Open' }).getByRole('article').first();
    await expect(inbox).toHaveAccessibleName(/^Red flag: /);
    await expect(inbox).toContainText('Emergency');
    await expect(inbox).toContainText('New bladder disturbance (retention or incontinence)');
    await expect(inbox).toContainText('Possible cauda equina syndrome');
    await expect(inbox).not.toContainText('bladder-change');

    // The acknowledge form also works before (or without) the page's script: here with none at all.
    const noScript = await browser.newContext({ storageState: await clinicianContext.storageState(), javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto('/clinician/alerts');
    const redFlag = plain.getByRole('region', { name: 'Open' }).getByRole('article').first();
    const name = (await redFlag.getAttribute('aria-label'))!;
    expect(name).toMatch(/^Red flag: /);
    await redFlag.getByLabel('Comment (optional)').fill('Rang the patient; sent to A&E.');
    await redFlag.getByRole('button', { name: /^Acknowledge alert for / }).click();
    const closedFlag = plain.getByRole('region', { name: 'Recently closed' }).getByRole('article', { name }).first();
    await expect(closedFlag).toContainText('Rang the patient; sent to A&E.');
    await noScript.close();
    await clinicianContext.close();
  });

  test('bad input gets messages next to the fields and saves nothing', async ({ page }) => {
    await signInAndWait(page, 'patient');
    await page.goto('/patient/pain');
    const before = await page.getByRole('list', { name: 'Your pain entries, newest first' }).getByRole('listitem').count();
    await page.goto('/patient/pain/new');
    await page.getByRole('button', { name: 'Save pain score' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Please check the answers marked below.' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'How bad is your pain right now?' })).toHaveAccessibleDescription(/Choose a whole number from 0/);
    await expect(page.getByRole('group', { name: /numbness around your bottom/ })).toHaveAccessibleDescription('Please answer yes or no.');
    await page.goto('/patient/pain');
    await expect(page.getByRole('list', { name: 'Your pain entries, newest first' }).getByRole('listitem')).toHaveCount(before);
  });

  test('editing from a stale tab is refused instead of overwriting', async ({ page, context }) => {
    await signInAndWait(page, 'patient');
    await logPain(page, 5);
    await page.goto('/patient/pain');
    await page.getByRole('link', { name: /^Change/ }).first().click();
    await expect(page).toHaveURL(/\/edit$/);
    const editUrl = page.url();
    const stale = await context.newPage();
    await stale.goto(editUrl);
    await pickScale(page, 'How bad is your pain right now?', 3);
    await answerSafetyQuestions(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status')).toHaveText('Your entry was updated.');
    await pickScale(stale, 'How bad is your pain right now?', 8);
    await answerSafetyQuestions(stale);
    await stale.getByRole('button', { name: 'Save changes' }).click();
    await expect(stale.getByRole('alert').filter({ hasText: 'This entry changed since you opened it' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('list', { name: 'Your pain entries, newest first' }).getByRole('listitem').first()).toContainText('3 out of 10');
  });

  test('another patient cannot open someone else’s entry by its address', async ({ page }) => {
    await signInAndWait(page, 'patient');
    await page.goto('/patient/pain');
    await page.getByRole('link', { name: /^Change/ }).first().click();
    await expect(page).toHaveURL(/\/edit$/);
    const editUrl = page.url();
    await signOut(page);
    await signInAndWait(page, 'patient2');
    const response = await page.goto(editUrl);
    expect(response?.status()).toBe(404);
    await expect(page.getByText('Jamie')).toHaveCount(0);
  });
});

test.describe('patient pages on a phone network', () => {
  // Each prefetch is a request the server renders, and brings back only a page's outline: with prefetching
  // Today sends 33 of them from a phone (docs/PERFORMANCE.md).
  test('Today and Progress send no prefetch requests, and the quick pain links still open the form', async ({ page }) => {
    await signInAndWait(page, 'patient');
    let prefetches = 0;
    page.on('request', (request) => {
      if (request.headers()['next-router-prefetch']) prefetches += 1;
    });
    await page.goto('/patient');
    await page.waitForLoadState('networkidle');
    await page.goto('/patient/progress');
    await page.waitForLoadState('networkidle');
    expect(prefetches).toBe(0);
    await page.goto('/patient');
    await page.getByRole('link', { name: 'Log pain 3 out of 10' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Log your pain' })).toBeVisible();
    expect(prefetches).toBe(0);
  });
});

test.describe('patient pages are accessible', () => {
  test('every patient page has no serious or critical axe violations', async ({ page }) => {
    await signInAndWait(page, 'patient');
    const paths = ['/patient', '/patient/exercises', '/patient/pain', '/patient/pain/new', '/patient/questionnaires', '/patient/questionnaires/psfs', '/patient/questionnaires/startback', '/patient/progress', '/patient/progress?range=all', '/patient/learn', '/patient/messages', '/patient/appointments', '/patient/appointments/book'];
    for (const path of paths) {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
    }
    await page.goto('/patient');
    await page.getByRole('region', { name: 'Today’s exercises' }).getByRole('link').first().click();
    await expectNoSeriousA11yViolations(page);
    await page.goto('/patient/learn');
    await page.getByRole('link').filter({ hasText: 'min read' }).first().click();
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto('/patient/pain');
    const change = page.getByRole('link', { name: /^Change/ }).first();
    if (await change.count()) {
      await change.click();
      await expectNoSeriousA11yViolations(page);
    }
    await page.goto('/patient/questionnaires');
    await page.getByRole('link', { name: /See result/ }).first().click();
    await expectNoSeriousA11yViolations(page);
    await logPain(page, 2);
    await expect(page.getByRole('heading', { name: 'Pain score saved' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
