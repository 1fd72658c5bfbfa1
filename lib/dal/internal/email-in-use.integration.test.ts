import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareTeam, signInAs } from '@/db/factories';
import { auditEvents, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { startTestSmtpServer, type TestSmtpServer } from '@/lib/mail/test-smtp-server';
import { inviteStaff } from '../clinic-users';
import { onboardPatient, type OnboardingInput } from '../onboarding';

const db = setupTestDatabase();
let server: TestSmtpServer;

beforeAll(async () => {
  server = await startTestSmtpServer();
  process.env.SMTP_URL = `smtp://127.0.0.1:${server.port}`;
  process.env.SMTP_FROM = 'noreply@clinic.example';
});
afterAll(() => {
  void server.close();
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
});

const patientInput = (email: string): OnboardingInput => ({
  name: 'Sam Example',
  email,
  dateOfBirth: '1980-04-02',
  condition: 'Non-specific low back pain',
  intakeNprs: 6,
  intervalWeeks: 4,
  instruments: ['ODI'],
});

async function auditIn(clinicId: string, action: string) {
  return db()
    .select({ outcome: auditEvents.outcome, actorId: auditEvents.actorId, patientId: auditEvents.patientId, resourceId: auditEvents.resourceId, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.clinicId, clinicId), eq(auditEvents.action, action)));
}

describe('an email that already has an account', () => {
  it('onboarding gets the same answer whether the account is in this clinic or another; the other clinic’s owner is told and it is audited', async () => {
    const here = await createCareTeam(db());
    const there = await createCareTeam(db());
    await signInAs(db(), here.clinician.id);
    const sameClinic = await onboardPatient(patientInput(here.patient.email));
    const otherClinic = await onboardPatient(patientInput(there.patient.email));
    expect(otherClinic).toEqual(sameClinic);

    // The attempt is recorded in the clinician's clinic without naming the other account…
    const denied = await auditIn(here.clinic.id, 'clinician.patient.onboard');
    expect(denied).toEqual([
      { outcome: 'denied', actorId: here.clinician.id, patientId: null, resourceId: null, detail: { reason: 'email-in-use' } },
      { outcome: 'denied', actorId: here.clinician.id, patientId: null, resourceId: null, detail: { reason: 'email-in-use' } },
    ]);
    // …and in the owner's clinic, where the patient sees it in their own record's history.
    expect(await auditIn(there.clinic.id, 'account.email-reuse-attempt')).toEqual([
      { outcome: 'denied', actorId: null, patientId: there.patient.id, resourceId: there.patient.id, detail: { attempt: 'patient-onboarding' } },
    ]);
    expect(await auditIn(here.clinic.id, 'account.email-reuse-attempt')).toEqual([]);
    // The owner, and only the owner of another clinic's account, gets an email.
    expect(server.recipients()).toContain(there.patient.email);
    expect(server.recipients()).not.toContain(here.patient.email);
    expect(server.text()).toContain(`${here.clinic.name} tried to create a new Uplift account with this email address`);
    const [owner] = await db().select({ clinicId: users.clinicId }).from(users).where(eq(users.id, there.patient.id));
    expect(owner!.clinicId).toBe(there.clinic.id);
  });

  it('a staff invitation gets the same answer too, and the other clinic’s member of staff is told', async () => {
    const here = await createCareTeam(db());
    const there = await createCareTeam(db());
    await signInAs(db(), here.manager.id);
    const sameClinic = await inviteStaff({ name: 'Alex Example', email: here.clinician.email, role: 'clinician' });
    const otherClinic = await inviteStaff({ name: 'Alex Example', email: there.clinician.email, role: 'clinician' });
    expect(otherClinic).toEqual(sameClinic);
    expect(await auditIn(there.clinic.id, 'account.email-reuse-attempt')).toEqual([
      { outcome: 'denied', actorId: null, patientId: null, resourceId: there.clinician.id, detail: { attempt: 'staff-invitation' } },
    ]);
    expect(server.recipients()).toContain(there.clinician.email);
  });
});
