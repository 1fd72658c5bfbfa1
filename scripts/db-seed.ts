/** `npm run db:seed`: add the demo clinic to the configured database. Never in production. */
import { openConfiguredDatabase } from '../db/connection';
import { migrateConfiguredDatabase } from '../db/roles';
import { seedDemo } from '../db/seed';
import { fail, log } from './lib';

if (process.env.NODE_ENV === 'production') {
  fail('refusing to seed demo data with NODE_ENV=production. Demo accounts have a published password.');
}
async function main() {
  // Migrations as the owner when MIGRATION_DATABASE_URL is set (db/roles.ts); the seed itself as the application.
  await migrateConfiguredDatabase().catch((error: unknown) => fail((error as Error).message));
  const handle = openConfiguredDatabase();
  try {
    const summary = await seedDemo(handle.db);
    log(`demo clinic seeded: ${summary.patients} patients, ${summary.painEntries} pain entries, ${summary.exerciseLogs} exercise logs`);
  } catch (error) {
    fail((error as Error).message);
  } finally {
    await handle.close();
  }
}

void main();
