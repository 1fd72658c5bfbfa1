import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/browser';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;
// A fresh embedded database per run, in its own folder (PGlite: one process per folder).
const DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(process.cwd(), '.data', `e2e-${process.pid}`);
// Workers load this file again in their own process: they must find the same folder.
process.env.E2E_DATA_DIR = DATA_DIR;
/**
 * A second clinic, in New York, made the way a real one is (`npm run clinic:create`) before the server
 * opens the database; its manager's invitation link is written here for the time-zone journey.
 */
const NEW_YORK_CLINIC_FILE = path.join(DATA_DIR, 'new-york-clinic.txt');
const NEW_YORK_CLINIC =
  'npm run --silent clinic:create -- --name "Hudson Street Physio" --manager-email lead@hudson.example --manager-name "Jordan Reyes" ' +
  `--time-zone America/New_York --country US --base-url ${BASE_URL} > "${NEW_YORK_CLINIC_FILE}"`;

// Debian's Chromium where there is one (Playwright cannot download its own on every machine).
const systemChromium = findChromium({ envPath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || undefined, exists: existsSync });

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  // One server on one embedded database: tests run one at a time against it.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    timezoneId: 'Europe/London',
    locale: 'en-GB',
    launchOptions: {
      executablePath: systemChromium,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } }, testIgnore: /patient\// },
    { name: 'phone', use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } }, testMatch: /patient\/.*\.spec\.ts$/ },
  ],
  webServer: {
    // The demo first (start.ts seeds only an empty database), then the New York clinic, then the server.
    command: `npx tsx scripts/db-seed.ts && ${NEW_YORK_CLINIC} && npx tsx scripts/start.ts`,
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      UPLIFT_DATA_DIR: DATA_DIR,
      AUTH_SECRET: 'e2e-test-secret-not-for-production-use-0123456789',
      AUTH_TRUST_HOST: 'true',
      DATABASE_URL: '',
      // The journeys' data must not change under them on a timer.
      UPLIFT_JOBS: 'off',
      // Lets e2e/streaming.spec.ts hold back one panel by request header (lib/testing/slow-panel.ts).
      UPLIFT_TEST_HOOKS: '1',
    },
  },
});
