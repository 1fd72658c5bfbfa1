/**
 * `npm run clinic:create -- --name "Riverside Physio" --manager-email lead@riverside.example --manager-name "Dana Lee"
 *    --time-zone Europe/London --country GB`
 *
 * The time zone (an IANA name) is the day everyone at the clinic follows unless they choose their own;
 * the country picks the emergency number and urgent-advice service patients are told to call. Both are
 * required: a guessed default would give a clinic abroad the wrong day and the wrong emergency number.
 *
 * Creates a clinic with its first manager and prints a one-time invitation link (valid 7 days)
 * for the manager to choose a password. Multi-factor sign-in is required for managers of a new
 * clinic (the schema default). Works on the configured database (DATABASE_URL or the embedded one:
 * stop an embedded server first, PGlite allows one process per data folder).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openConfiguredDatabase } from '../db/connection';
import { clinics, users } from '../db/schema';
import { recordAudit } from '../lib/audit/record';
import { issueToken } from '../lib/dal/internal/tokens';
import { CLINIC_COUNTRIES } from '../lib/content/emergency-services';
import { countrySchema, timeZoneSchema } from '../lib/validation/clinic-settings';
import { fail, log } from './lib';

const argsSchema = z.object({
  name: z.string().trim().min(2).max(200),
  'manager-email': z.string().trim().toLowerCase().pipe(z.email()),
  'manager-name': z.string().trim().min(1).max(200),
  'time-zone': timeZoneSchema,
  country: countrySchema,
  'base-url': z.string().url().optional(),
});

async function main() {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      'manager-email': { type: 'string' },
      'manager-name': { type: 'string' },
      'time-zone': { type: 'string' },
      country: { type: 'string' },
      'base-url': { type: 'string' },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    fail(`${z.prettifyError(parsed.error)}\nUsage: npm run clinic:create -- --name "Clinic name" --manager-email lead@example.org --manager-name "Full Name" --time-zone Europe/London --country GB [--base-url https://uplift.example.org]\nCountries: ${CLINIC_COUNTRIES.join(', ')}`);
  }
  const input = parsed.data;
  const handle = openConfiguredDatabase();
  try {
    await handle.migrate();
    const link = await handle.db.transaction(async (tx) => {
      const [clinic] = await tx.insert(clinics).values({ name: input.name, timeZone: input['time-zone'], country: input.country }).returning({ id: clinics.id });
      const [manager] = await tx
        .insert(users)
        .values({ clinicId: clinic!.id, email: input['manager-email'], name: input['manager-name'], role: 'manager' })
        .returning({ id: users.id });
      await recordAudit(tx, {
        action: 'clinic.created',
        outcome: 'success',
        clinicId: clinic!.id,
        resourceType: 'user',
        resourceId: manager!.id,
        detail: { via: 'clinic:create' },
      });
      return issueToken(tx, { userId: manager!.id, kind: 'invite', createdBy: null });
    });
    const base = input['base-url'] ?? process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
    log(`clinic "${input.name}" created with manager ${input['manager-email']}.`);
    log(`one-time invitation link (valid until ${link.expiresAt.toISOString()}):`);
    console.log(`\n  ${new URL(link.path, base).toString()}\n`);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; constraint?: string; message?: string } }).cause;
    if (cause?.code === '23505' || cause?.message?.includes('users_email_unique')) fail(`an account with ${input['manager-email']} already exists.`);
    fail(cause?.message ?? (error as Error).message);
  } finally {
    await handle.close();
  }
}

void main();
