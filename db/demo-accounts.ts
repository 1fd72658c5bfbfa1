/**
 * The demo clinic's sign-in accounts (db/seed.ts creates them), by the part each plays. The end-to-end
 * journeys and the security suite sign in as these. No imports: a test runner loads this on its own.
 */
export const DEMO_PASSWORD = 'uplift-demo-2026';

export const DEMO_ACCOUNTS = {
  patient: 'patient@demo.test',
  patient2: 'patient2@demo.test',
  clinician: 'clinician@demo.test',
  clinician2: 'clinician2@demo.test',
  manager: 'manager@demo.test',
} as const;
export type DemoAccount = keyof typeof DEMO_ACCOUNTS;
