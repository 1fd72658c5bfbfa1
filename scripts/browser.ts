/**
 * Which Chromium the end-to-end tests drive, and how `npm test` gets one on a machine that has none.
 *
 * Order of preference: the path in PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, Debian's /usr/bin/chromium,
 * then Playwright's own download. When none is present `npm test` asks Playwright to download its
 * browser; where that is impossible (no route to the download host) and we are root on Debian, it
 * installs the system package; otherwise it stops and prints the one command to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export type BrowserFacts = {
  envPath: string | undefined;
  exists: (file: string) => boolean;
  playwrightPath: string;
  isRoot: boolean;
  isDebian: boolean;
};

export type BrowserPlan =
  | { kind: 'use'; executablePath: string | undefined }
  | { kind: 'install'; steps: ('playwright' | 'apt')[]; manualCommand: string };

/** The browser Playwright should launch; undefined means Playwright's own download. */
export function findChromium(facts: Pick<BrowserFacts, 'envPath' | 'exists'>): string | undefined {
  if (facts.envPath) return facts.envPath;
  return facts.exists(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

export function planBrowser(facts: BrowserFacts): BrowserPlan {
  if (facts.envPath) return { kind: 'use', executablePath: facts.envPath };
  if (facts.exists(SYSTEM_CHROMIUM)) return { kind: 'use', executablePath: SYSTEM_CHROMIUM };
  if (facts.exists(facts.playwrightPath)) return { kind: 'use', executablePath: undefined };
  const canApt = facts.isRoot && facts.isDebian;
  return {
    kind: 'install',
    steps: canApt ? ['playwright', 'apt'] : ['playwright'],
    manualCommand: facts.isDebian ? 'sudo apt-get install -y chromium' : 'npx playwright install --with-deps chromium',
  };
}

function currentFacts(): BrowserFacts {
  return {
    envPath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || undefined,
    exists: existsSync,
    playwrightPath: chromium.executablePath(),
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    isDebian: existsSync('/etc/debian_version'),
  };
}

/** Makes sure a Chromium is there for the e2e step; false (after printing what to do) when it cannot. */
export function ensureChromium(): boolean {
  const plan = planBrowser(currentFacts());
  if (plan.kind === 'use') return true;
  console.log('No Chromium found for the end-to-end tests: installing one.');
  for (const step of plan.steps) {
    if (step === 'playwright') {
      const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
      if (result.status === 0 && planBrowser(currentFacts()).kind === 'use') return true;
      console.log("Playwright's browser download did not work here.");
    } else {
      console.log("Installing Debian's chromium package (apt-get).");
      const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      const install =
        update.status === 0 &&
        spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
          stdio: 'inherit',
          env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        }).status === 0;
      if (install && planBrowser(currentFacts()).kind === 'use') return true;
    }
  }
  console.error(`\nThe end-to-end tests need Chromium and none could be installed. Run:\n\n  ${plan.manualCommand}\n\nthen npm test again.`);
  return false;
}
