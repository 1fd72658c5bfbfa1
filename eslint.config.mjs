import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/** What app/ and components/ may not import: the data layer's insides (docs/ARCHITECTURE.md, "Boundaries"). */
const DATA_BOUNDARY = [
  { group: ['@/db/*', '**/db/*'], message: 'Pages and components go through lib/dal, never db/ directly.' },
  {
    group: ['@/lib/dal/internal/*', '**/lib/dal/internal/*', '**/dal/internal/*'],
    message: 'lib/dal/internal does not check the viewer: call a function from lib/dal/<domain>.ts instead.',
  },
  {
    group: ['@/lib/audit/*', '**/lib/audit/*', '!@/lib/audit/labels'],
    message: 'Audit rows are written by lib/dal in the transaction of the change; pages only read them through lib/dal/audit-trail.',
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores(['.next/**', '.data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench-results/**']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Pages, route handlers, server actions and components reach data only through the viewer-checked
    // functions in lib/dal/*.ts (docs/ARCHITECTURE.md, "Boundaries"). The database, the unchecked
    // queries in lib/dal/internal and the audit writer stay behind them.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: DATA_BOUNDARY,
        },
      ],
    },
  },
  {
    // The data access layer calls lib/auth (getViewer, policy); lib/auth never calls back into it.
    files: ['lib/auth/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/lib/dal/*', '**/lib/dal/*', '**/dal/*'], message: 'lib/auth sits below lib/dal and must not import it.' }] },
      ],
    },
  },
  {
    // The audit writer sits below both lib/auth and lib/dal, so either may record an event.
    files: ['lib/audit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/lib/dal/*', '**/lib/dal/*', '@/lib/auth/*', '**/lib/auth/*'], message: 'lib/audit imports neither lib/dal nor lib/auth.' },
          ],
        },
      ],
    },
  },
  {
    // Components are shared by the areas; what they need from a route (an action) comes in as a prop.
    // A file's later `no-restricted-imports` replaces an earlier one, so the data boundary is repeated here.
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...DATA_BOUNDARY,
            { group: ['@/app/*', '**/app/*'], message: 'components/ never imports from app/: move the shared piece to components/ or lib/, or pass it in as a prop.' },
          ],
        },
      ],
    },
  },
]);
