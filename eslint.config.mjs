import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

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
    // Only the data access layer (and seed, factories, scripts, tests) may talk to the database.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/db/*', '**/db/*'], message: 'Pages and components go through lib/dal, never db/ directly.' },
          ],
        },
      ],
    },
  },
  {
    // Components are shared by the areas; what they need from a route (an action) comes in as a prop.
    // This block repeats the one above because a file's later `no-restricted-imports` replaces it.
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/db/*', '**/db/*'], message: 'Pages and components go through lib/dal, never db/ directly.' },
            { group: ['@/app/*', '**/app/*'], message: 'components/ never imports from app/: move the shared piece to components/ or lib/, or pass it in as a prop.' },
          ],
        },
      ],
    },
  },
]);
