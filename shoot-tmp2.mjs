import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3151';
const [path, width, ...ys] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: Number(width), height: 900 }, timezoneId: 'Europe/London' });
const page = await context.newPage();
await page.goto(base + '/login');
await page.getByLabel('Email').fill(process.env.WHO ?? 'manager@demo.test');
await page.getByLabel('Password').fill('uplift-demo-2026');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL(/\/(manager|clinician|patient)/);
await page.goto(base + path);
await page.waitForTimeout(800);
for (const y of ys) {
  await page.screenshot({ path: `/tmp/shots5/clip-${y}.png`, fullPage: true, clip: { x: 0, y: Number(y), width: Number(width), height: 1000 } });
}
await browser.close();
