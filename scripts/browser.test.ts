import { describe, expect, it } from 'vitest';
import { findChromium, planBrowser, SYSTEM_CHROMIUM, type BrowserFacts } from './browser';

const PLAYWRIGHT = '/root/.cache/ms-playwright/chromium/chrome';

function facts(present: string[], overrides: Partial<BrowserFacts> = {}): BrowserFacts {
  return {
    envPath: undefined,
    exists: (file) => present.includes(file),
    playwrightPath: PLAYWRIGHT,
    isRoot: false,
    isDebian: false,
    ...overrides,
  };
}

describe('the browser for the end-to-end tests', () => {
  it('prefers the configured path, then Debian chromium, then Playwright’s own', () => {
    expect(planBrowser(facts([SYSTEM_CHROMIUM], { envPath: '/opt/chrome' }))).toEqual({ kind: 'use', executablePath: '/opt/chrome' });
    expect(planBrowser(facts([SYSTEM_CHROMIUM, PLAYWRIGHT]))).toEqual({ kind: 'use', executablePath: SYSTEM_CHROMIUM });
    expect(planBrowser(facts([PLAYWRIGHT]))).toEqual({ kind: 'use', executablePath: undefined });
    expect(findChromium(facts([]))).toBeUndefined();
    expect(findChromium(facts([SYSTEM_CHROMIUM]))).toBe(SYSTEM_CHROMIUM);
  });

  it('on a machine with none, downloads Playwright’s and falls back to apt only as root on Debian', () => {
    expect(planBrowser(facts([], { isRoot: true, isDebian: true }))).toEqual({
      kind: 'install',
      steps: ['playwright', 'apt'],
      manualCommand: 'sudo apt-get install -y chromium',
    });
    expect(planBrowser(facts([], { isRoot: false, isDebian: true }))).toMatchObject({ steps: ['playwright'], manualCommand: 'sudo apt-get install -y chromium' });
    expect(planBrowser(facts([], { isRoot: true, isDebian: false }))).toMatchObject({
      steps: ['playwright'],
      manualCommand: 'npx playwright install --with-deps chromium',
    });
  });
});
