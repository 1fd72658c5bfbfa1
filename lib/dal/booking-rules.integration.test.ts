import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, signInAs } from '@/db/factories';
import { auditEvents, clinics } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { BOOKING_RULE_DEFAULTS } from '@/lib/appointments/rules';
import { bookingRulesSchema } from '@/lib/validation/appointments';
import { getBookingRules, updateBookingRules } from './booking-rules';

const db = setupTestDatabase();

describe('the clinic’s booking rules', () => {
  it('start at the defaults; a manager changes them for their own clinic only, audited', async () => {
    const team = await createCareTeam(db());
    const other = await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    expect(await getBookingRules()).toEqual(BOOKING_RULE_DEFAULTS);
    await updateBookingRules({ horizonDays: 14, slotMinutes: 45, cancellationWindowHours: 48 });
    expect(await getBookingRules()).toEqual({ horizonDays: 14, slotMinutes: 45, cancellationWindowHours: 48 });
    const [untouched] = await db().select({ slot: clinics.slotMinutes }).from(clinics).where(eq(clinics.id, other.clinic.id));
    expect(untouched!.slot).toBe(BOOKING_RULE_DEFAULTS.slotMinutes);
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'manager.clinic.booking-rules-update'));
    expect(audit).toMatchObject({ actorId: team.manager.id, clinicId: team.clinic.id });
    await signInAs(db(), team.clinician.id);
    await expect(updateBookingRules({ horizonDays: 1, slotMinutes: 10, cancellationWindowHours: 0 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses values outside the limits before they reach the database, which refuses them too', async () => {
    expect(bookingRulesSchema.safeParse({ horizonDays: '0', slotMinutes: '30', cancellationWindowHours: '24' }).success).toBe(false);
    expect(bookingRulesSchema.safeParse({ horizonDays: '28', slotMinutes: '121', cancellationWindowHours: '24' }).success).toBe(false);
    expect(bookingRulesSchema.safeParse({ horizonDays: '28', slotMinutes: '30', cancellationWindowHours: '169' }).success).toBe(false);
    const team = await createCareTeam(db());
    await expect(db().update(clinics).set({ slotMinutes: 5 }).where(eq(clinics.id, team.clinic.id))).rejects.toMatchObject({ code: '23514' });
  });
});
