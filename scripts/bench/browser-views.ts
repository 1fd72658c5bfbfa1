/**
 * What one page view costs the server when a real browser makes it. autocannon asks for the page alone;
 * a browser also fetches what the page's links prefetch (each a request the server renders), its
 * scripts and styles. Chromium opens each page several times (a phone's screen for patient pages, a
 * desktop's for clinician pages) and the server's CPU time is read from /proc around each view, from
 * the navigation until the network has been quiet for a second. Needs Chromium, as Lighthouse does.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { cpuMs } from './server';

export type BrowserView = { page: string; device: 'phone' | 'desktop'; views: number; cpuMs: number; requests: number; prefetches: number };

const VIEWS = 5;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export async function measureBrowserViews(origin: string, serverPid: number, pages: { page: string; cookie: string; device: 'phone' | 'desktop' }[]): Promise<BrowserView[]> {
  const executablePath = process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  let browser: Browser | null = null;
  const results: BrowserView[] = [];
  try {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    for (const { page: pagePath, cookie, device } of pages) {
      const context = await browser.newContext({
        viewport: device === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 900 },
        extraHTTPHeaders: { Cookie: cookie },
      });
      const page = await context.newPage();
      let requests = 0;
      let prefetches = 0;
      page.on('request', (request) => {
        // Pages and data only: scripts and styles come from the browser's cache after the first view.
        if (!request.url().startsWith(origin) || new URL(request.url()).pathname.startsWith('/_next/static/')) return;
        requests += 1;
        if (request.headers()['next-router-prefetch']) prefetches += 1;
      });
      // A first view loads scripts and styles into the browser's cache, as a returning visitor has them.
      await page.goto(`${origin}${pagePath}`, { waitUntil: 'networkidle' });
      const cpu: number[] = [];
      const counts: number[] = [];
      const prefetchCounts: number[] = [];
      for (let view = 0; view < VIEWS; view += 1) {
        requests = 0;
        prefetches = 0;
        const before = cpuMs(serverPid);
        await page.goto(`${origin}${pagePath}`, { waitUntil: 'networkidle' });
        await page.waitForTimeout(1000);
        const after = cpuMs(serverPid);
        if (before === null || after === null) throw new Error('the server process could not be read');
        cpu.push(after - before);
        counts.push(requests);
        prefetchCounts.push(prefetches);
      }
      results.push({ page: pagePath, device, views: VIEWS, cpuMs: median(cpu), requests: median(counts), prefetches: median(prefetchCounts) });
      await context.close();
    }
  } catch (error) {
    process.stderr.write(`browser views failed: ${(error as Error).message}\n`);
  } finally {
    await browser?.close();
  }
  return results;
}
