/** `npm run db:migrate`: apply committed migrations to the configured database. Safe to repeat. */
import { migrateConfiguredDatabase } from '../db/roles';
import { log } from './lib';

/** As the owner (MIGRATION_DATABASE_URL) when configured; then the application role's grants (db/roles.ts). */
async function main() {
  const result = await migrateConfiguredDatabase();
  log(
    `migrations applied to the ${result.kind === 'pglite' ? 'embedded database' : 'PostgreSQL database'}${result.applicationRole ? `; application role ${result.applicationRole} may only read and append to the audit trail` : ''}`,
  );
}

void main();
