/**
 * Lighthouse (mobile) for the sign-in page and the patient pages that exist. Lighthouse 12.2.3 is
 * the last release that runs on Node 20; it is fetched by npx on first use rather than installed
 * with the project, because only this optional step needs it. Needs Chromium (CHROME_PATH, else
 * /usr/bin/chromium).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RouteResult } from './report';

export type LighthouseScore = { page: string; performance: number; accessibility: number; lcp: number; tbt: number; cls: number };

type Report = { categories: Record<string, { score: number }>; audits: Record<string, { numericValue?: number }> };

export async function runLighthouse(origin: string, patientCookie: string, routes: RouteResult[]): Promise<LighthouseScore[]> {
  const pages = [{ page: '/login', cookie: null as string | null }];
  for (const result of routes) {
    if (result.route.patientPage && result.status === 'measured' && result.path) pages.push({ page: result.path, cookie: patientCookie });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'uplift-lighthouse-'));
  const scores: LighthouseScore[] = [];
  try {
    for (const { page, cookie } of pages) {
      const output = path.join(dir, 'report.json');
      const args = ['--yes', 'lighthouse@12.2.3', `${origin}${page}`, '--quiet', '--output=json', `--output-path=${output}`, '--only-categories=performance,accessibility', '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage'];
      if (cookie) {
        const headers = path.join(dir, 'headers.json');
        writeFileSync(headers, JSON.stringify({ Cookie: cookie }));
        args.push(`--extra-headers=${headers}`);
      }
      const run = spawnSync('npx', args, { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 });
      if (run.status !== 0) {
        process.stderr.write(`lighthouse failed for ${page}: ${run.stderr?.toString().slice(-500)}\n`);
        continue;
      }
      const report = JSON.parse(readFileSync(output, 'utf8')) as Report;
      scores.push({
        page,
        performance: Math.round((report.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((report.categories.accessibility?.score ?? 0) * 100),
        lcp: Math.round(report.audits['largest-contentful-paint']?.numericValue ?? 0),
        tbt: Math.round(report.audits['total-blocking-time']?.numericValue ?? 0),
        cls: Number((report.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return scores;
}
