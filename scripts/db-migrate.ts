/** `npm run db:migrate`: apply committed migrations to the configured database. Safe to repeat. */
import { openConfiguredDatabase } from '../db/connection';
import { log } from './lib';

async function main() {
  const handle = openConfiguredDatabase();
  try {
    await handle.migrate();
    log(`migrations applied to the ${handle.kind === 'pglite' ? 'embedded database' : 'PostgreSQL database'}`);
  } finally {
    await handle.close();
  }
}

void main();
