import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, signInAs } from '@/db/factories';
import { auditEvents, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { SESSION_ABSOLUTE_MS } from './roles';
import { getViewer, requireRole } from './viewer';

const db = setupTestDatabase();

describe('getViewer', () => {
  it('returns the user as the database knows them', async () => {
    const { patient, clinic } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const viewer = await getViewer();
    expect(viewer).toMatchObject({ userId: patient.id, role: 'patient', clinicId: clinic.id, name: patient.name });
  });

  it('is null without a session', async () => {
    await signInAs(db(), null);
    expect(await getViewer()).toBeNull();
  });

  it('ends an existing session at once when the user is deactivated', async () => {
    const { clinician } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    expect(await getViewer()).not.toBeNull();
    await db().update(users).set({ active: false }).where(eq(users.id, clinician.id));
    expect(await getViewer()).toBeNull();
  });

  it('refuses a session whose version was bumped (password or role change, sign-out)', async () => {
    const { patient } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    await db().update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, patient.id));
    expect(await getViewer()).toBeNull();
  });

  it('refuses a session older than the absolute lifetime', async () => {
    const { patient } = await createCareTeam(db());
    await signInAs(db(), patient.id, { signedInAt: Date.now() - SESSION_ABSOLUTE_MS - 1000 });
    expect(await getViewer()).toBeNull();
  });

  it('takes a role change from the database, not the token', async () => {
    const { clinician } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    await db().update(users).set({ role: 'manager' }).where(eq(users.id, clinician.id));
    expect((await getViewer())?.role).toBe('manager');
  });
});

describe('requireRole', () => {
  it('refuses another role with forbidden and records the refusal in the audit trail', async () => {
    const { patient } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    const error = await requireRole('clinician').catch((caught: unknown) => caught);
    expect(isAppError(error, 'forbidden')).toBe(true);
    const denied = await db()
      .select({ action: auditEvents.action, outcome: auditEvents.outcome, clientAddress: auditEvents.clientAddress })
      .from(auditEvents)
      .where(eq(auditEvents.actorId, patient.id));
    expect(denied).toEqual([{ action: 'area.clinician', outcome: 'denied', clientAddress: '203.0.113.9' }]);
  });

  it('refuses a missing session with unauthenticated', async () => {
    await signInAs(db(), null);
    const error = await requireRole('patient').catch((caught: unknown) => caught);
    expect(isAppError(error, 'unauthenticated')).toBe(true);
  });
});
