import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3151';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
const page = await context.newPage(); page.on('console', (m) => console.log(m.text()));
await page.goto(base + '/login');
await page.getByLabel('Email').fill('manager@demo.test');
await page.getByLabel('Password').fill('uplift-demo-2026');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL(/\/manager/);
for (const p of process.argv.slice(2)) {
  await page.goto(base + p);
  await page.waitForTimeout(500);
  const wide = await page.evaluate(() => {
    const chain = []; let e = document.querySelector("table"); while (e) { chain.push(`${e.tagName}.${e.className.toString().slice(0,40)} w=${Math.round(e.getBoundingClientRect().width)}`); e = e.parentElement; }
    console.log(chain);
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > 392 && el.closest('.overflow-x-auto') === null) out.push(`${el.tagName}.${el.className.toString().slice(0,60)} right=${Math.round(r.right)}`);
    }
    return [document.documentElement.scrollWidth, out.slice(0, 8)];
  });
  console.log(p, JSON.stringify(wide, null, 1));
}
await browser.close();
