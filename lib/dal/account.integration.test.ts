import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, signInAs, TEST_PASSWORD } from '@/db/factories';
import { auditEvents, clinics, episodes, mfaRecoveryCodes, tokens, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { openSecret } from '@/lib/auth/secret-box';
import { totpCode } from '@/lib/auth/totp';
import { getViewer, requireRole } from '@/lib/auth/viewer';
import { isAppError } from '@/lib/errors';
import {
  changeOwnPassword,
  confirmMfaEnrolment,
  disableMfa,
  getClinicSecurity,
  getMfaStatus,
  issuePasswordResetLink,
  regenerateRecoveryCodes,
  startMfaEnrolment,
  updateClinicSecurity,
} from './account';

const db = setupTestDatabase();

async function enrol(userId: string) {
  await signInAs(db(), userId);
  await startMfaEnrolment();
  const status = await getMfaStatus();
  const codes = await confirmMfaEnrolment(totpCode(status.pending!.secret));
  return { secret: status.pending!.secret, codes: codes! };
}

describe('MFA enrolment', () => {
  it('stores the key encrypted, turns on only with a right code, and makes ten hashed recovery codes', async () => {
    const { clinician } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    await startMfaEnrolment();
    const status = await getMfaStatus();
    expect(status).toMatchObject({ enabled: false, required: false });
    const [stored] = await db().select({ mfaSecret: users.mfaSecret }).from(users).where(eq(users.id, clinician.id));
    expect(stored!.mfaSecret).not.toContain(status.pending!.secret);
    expect(openSecret(stored!.mfaSecret!)).toBe(status.pending!.secret);

    expect(await confirmMfaEnrolment('000000')).toBeNull();
    expect((await getMfaStatus()).enabled).toBe(false);

    const codes = await confirmMfaEnrolment(totpCode(status.pending!.secret));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const hashes = await db().select({ codeHash: mfaRecoveryCodes.codeHash }).from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, clinician.id));
    expect(hashes).toHaveLength(10);
    expect(hashes.map((row) => row.codeHash)).not.toContain(codes![0]);
    expect(await getMfaStatus()).toMatchObject({ enabled: true, pending: null, recoveryCodesLeft: 10 });
    await expect(startMfaEnrolment()).rejects.toSatisfy((error) => isAppError(error, 'conflict'));
  });

  it('replaces recovery codes and turns off only with the password', async () => {
    const { patient } = await createCareTeam(db());
    const { codes } = await enrol(patient.id);
    expect(await regenerateRecoveryCodes('not my password')).toBe('wrong-password');
    const fresh = await regenerateRecoveryCodes(TEST_PASSWORD);
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(codes[0]);
    expect(await disableMfa('not my password')).toBe('wrong-password');
    expect(await disableMfa(TEST_PASSWORD)).toBe('ok');
    expect(await getMfaStatus()).toMatchObject({ enabled: false, pending: null, recoveryCodesLeft: 0 });
  });

  it('cannot be turned off when the clinic requires it', async () => {
    const { clinic, manager } = await createCareTeam(db());
    await enrol(manager.id);
    await db().update(clinics).set({ mfaRequiredForManagers: true }).where(eq(clinics.id, clinic.id));
    expect(await disableMfa(TEST_PASSWORD)).toBe('required');
  });

  it('sends a required-but-unenrolled user to enrolment before any area', async () => {
    const { clinic, clinician } = await createCareTeam(db());
    await db().update(clinics).set({ mfaRequiredForClinicians: true }).where(eq(clinics.id, clinic.id));
    await signInAs(db(), clinician.id);
    expect(await getViewer()).toMatchObject({ mfaSetupRequired: true, mfaEnabled: false });
    await expect(requireRole('clinician')).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    await enrol(clinician.id);
    expect(await getViewer()).toMatchObject({ mfaSetupRequired: false, mfaEnabled: true });
    expect((await requireRole('clinician')).userId).toBe(clinician.id);
  });
});

describe('changeOwnPassword', () => {
  it('needs the current password and a policy-compliant new one, then ends every session', async () => {
    const { patient } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    expect(await changeOwnPassword('wrong current one', 'a brand new long passphrase')).toMatchObject({ ok: false, field: 'current' });
    expect(await changeOwnPassword(TEST_PASSWORD, 'short')).toMatchObject({ ok: false, field: 'password' });
    expect(await changeOwnPassword(TEST_PASSWORD, 'password1234')).toMatchObject({ ok: false, field: 'password' });
    expect(await changeOwnPassword(TEST_PASSWORD, 'a brand new long passphrase')).toEqual({ ok: true });
    expect(await getViewer()).toBeNull();
    const audit = await db().select({ outcome: auditEvents.outcome }).from(auditEvents).where(and(eq(auditEvents.actorId, patient.id), eq(auditEvents.action, 'account.password-change')));
    expect(audit.map((row) => row.outcome)).toEqual(['failure', 'success']);
  });
});

describe('issuePasswordResetLink', () => {
  it('lets a manager reset a patient of their clinic, and a clinician only patients in their active caseload', async () => {
    const { clinic, clinician, manager, patient, episode } = await createCareTeam(db());
    const otherClinician = await createUser(db(), clinic.id, 'clinician');
    const otherPatient = await createUser(db(), clinic.id, 'patient');
    await createEpisode(db(), { clinicId: clinic.id, patientId: otherPatient.id, clinicianId: otherClinician.id });

    await signInAs(db(), manager.id);
    const link = await issuePasswordResetLink({ userId: patient.id });
    expect(link).toMatchObject({ status: 'link', secondFactorCleared: false });
    const path = link.status === 'link' ? link.path : '';
    expect(path).toMatch(/^\/reset\/[A-Za-z0-9_-]{40,}$/);
    const [stored] = await db().select().from(tokens).where(and(eq(tokens.userId, patient.id), isNull(tokens.usedAt)));
    expect(stored!.tokenHash).not.toBe(path.split('/')[2]);
    expect(await issuePasswordResetLink({ userId: manager.id })).toEqual({ status: 'refused' });

    await signInAs(db(), clinician.id);
    expect(await issuePasswordResetLink({ email: patient.email.toUpperCase() })).toMatchObject({ status: 'link' });
    expect(await issuePasswordResetLink({ userId: otherPatient.id })).toEqual({ status: 'refused' });
    expect(await issuePasswordResetLink({ userId: otherClinician.id })).toEqual({ status: 'refused' });
    // Discharged: no longer in the clinician's active caseload.
    await db().update(episodes).set({ status: 'discharged', dischargedAt: new Date() }).where(eq(episodes.id, episode.id));
    expect(await issuePasswordResetLink({ userId: patient.id })).toEqual({ status: 'refused' });

    await signInAs(db(), patient.id);
    await expect(issuePasswordResetLink({ userId: otherPatient.id })).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
  });

  it('never reaches another clinic', async () => {
    const first = await createCareTeam(db());
    const second = await createCareTeam(db());
    await signInAs(db(), first.manager.id);
    expect(await issuePasswordResetLink({ userId: second.patient.id })).toEqual({ status: 'refused' });
    expect(await issuePasswordResetLink({ email: second.clinician.email })).toEqual({ status: 'refused' });
    const denied = await db().select().from(auditEvents).where(and(eq(auditEvents.actorId, first.manager.id), eq(auditEvents.outcome, 'denied')));
    expect(denied).toHaveLength(2);
  });
});

describe('clinic security settings', () => {
  it('only managers read and change them, for their own clinic, with an audit row', async () => {
    const { clinic, manager, clinician } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    await expect(getClinicSecurity()).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    await expect(updateClinicSecurity({ mfaRequiredForManagers: true, mfaRequiredForClinicians: true })).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    await signInAs(db(), manager.id);
    await updateClinicSecurity({ mfaRequiredForManagers: false, mfaRequiredForClinicians: true });
    expect(await getClinicSecurity()).toEqual({ mfaRequiredForManagers: false, mfaRequiredForClinicians: true });
    const [row] = await db().select().from(clinics).where(eq(clinics.id, clinic.id));
    expect(row!.mfaRequiredForClinicians).toBe(true);
  });
});
