import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3151';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
const pages = process.argv.slice(2);
for (const width of [1280, 390]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await page.goto(base + '/login');
  await page.getByLabel('Email').fill('manager@demo.test');
  await page.getByLabel('Password').fill('uplift-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/manager/);
  for (const p of pages) {
    const t0 = Date.now();
    const response = await page.goto(base + p);
    await page.waitForTimeout(800);
    const name = p.replace(/[^a-z0-9]+/gi, '_');
    await page.screenshot({ path: `/tmp/shots5/${name}-${width}.png`, fullPage: true });
    console.log(width, p, response.status(), Date.now() - t0, 'ms');
  }
  await context.close();
}
await browser.close();
