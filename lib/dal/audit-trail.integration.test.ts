import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, signInAs } from '@/db/factories';
import { auditEvents, clinics } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record';
import { verifyAuditChain } from '@/lib/audit/chain';
import { exportAuditEvents, listAuditEvents, listMyRecordAccess } from './audit-trail';

const db = setupTestDatabase();

describe('audit trail for managers', () => {
  it('shows only the manager’s clinic, filtered, and audits the viewing', async () => {
    const mine = await createCareTeam(db());
    const other = await createCareTeam(db());
    await recordAudit(db(), { action: 'pain-entry.read', outcome: 'success', actorId: mine.clinician.id, actorRole: 'clinician', clinicId: mine.clinic.id, patientId: mine.patient.id });
    await recordAudit(db(), { action: 'area.manager', outcome: 'denied', actorId: mine.patient.id, actorRole: 'patient', clinicId: mine.clinic.id });
    await recordAudit(db(), { action: 'pain-entry.read', outcome: 'success', actorId: other.clinician.id, actorRole: 'clinician', clinicId: other.clinic.id, patientId: other.patient.id });

    await db().update(clinics).set({ managersSeePatientIdentity: true }).where(eq(clinics.id, mine.clinic.id));
    await signInAs(db(), mine.manager.id);
    const all = await listAuditEvents({});
    expect(all.map((row) => row.action)).toEqual(['area.manager', 'pain-entry.read']);
    expect(all[1]).toMatchObject({ actorName: mine.clinician.name, patientName: mine.patient.name });
    expect((await listAuditEvents({ outcome: 'denied' })).map((row) => row.action)).toEqual(['area.manager']);
    expect((await listAuditEvents({ action: 'pain-entry.' })).map((row) => row.action)).toEqual(['pain-entry.read']);
    expect((await listAuditEvents({ person: mine.patient.name.toUpperCase() })).length).toBe(2);
    expect(await listAuditEvents({ person: '%' })).toEqual([]);
    expect(await listAuditEvents({ from: new Date(Date.now() + 60_000) })).toEqual([]);
    // The views above are themselves in the trail now.
    expect((await listAuditEvents({ action: 'audit.' })).length).toBeGreaterThanOrEqual(6);
    expect((await exportAuditEvents({ action: 'pain-entry.' })).length).toBe(1);
  });

  it('shows, searches and exports patients by pseudonym only unless the clinic lets managers see names', async () => {
    const team = await createCareTeam(db());
    await recordAudit(db(), { action: 'pain-entry.read', outcome: 'success', actorId: team.clinician.id, actorRole: 'clinician', clinicId: team.clinic.id, patientId: team.patient.id });
    await recordAudit(db(), { action: 'pain-entry.create', outcome: 'success', actorId: team.patient.id, actorRole: 'patient', clinicId: team.clinic.id, patientId: team.patient.id });
    await signInAs(db(), team.manager.id);

    const hidden = await listAuditEvents({ action: 'pain-entry.' });
    expect(hidden.map((row) => [row.actorName, row.actorPseudonym, row.patientName, row.patientPseudonym])).toEqual([
      [null, team.episode.pseudonym, null, team.episode.pseudonym],
      [team.clinician.name, null, null, team.episode.pseudonym],
    ]);
    const exported = await exportAuditEvents({ action: 'pain-entry.' });
    expect(JSON.stringify(exported)).not.toContain(team.patient.name);
    expect(JSON.stringify(exported)).not.toContain(team.patient.email);
    // The filter cannot be used to test guesses at a patient's name or email.
    for (const guess of [team.patient.name, team.patient.email, team.patient.email.split('@')[0]!]) {
      expect(await listAuditEvents({ person: guess, action: 'pain-entry.' })).toEqual([]);
    }
    expect((await listAuditEvents({ person: team.episode.pseudonym, action: 'pain-entry.' })).length).toBe(2);
    expect((await listAuditEvents({ person: team.clinician.email, action: 'pain-entry.' })).length).toBe(1);

    await db().update(clinics).set({ managersSeePatientIdentity: true }).where(eq(clinics.id, team.clinic.id));
    const shown = await listAuditEvents({ person: team.patient.name, action: 'pain-entry.' });
    expect(shown.map((row) => [row.actorName, row.patientName])).toEqual([
      [team.patient.name, team.patient.name],
      [team.clinician.name, team.patient.name],
    ]);
  });

  it('is refused to clinicians and patients', async () => {
    const { clinician, patient } = await createCareTeam(db());
    for (const id of [clinician.id, patient.id]) {
      await signInAs(db(), id);
      await expect(listAuditEvents({})).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
      await expect(exportAuditEvents({})).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    }
  });
});

describe('who viewed or changed my record', () => {
  it('lists other people’s access to the patient’s own record only', async () => {
    const { clinic, clinician, patient } = await createCareTeam(db());
    const { patient: stranger } = await createCareTeam(db());
    await recordAudit(db(), { action: 'pain-entry.read', outcome: 'success', actorId: clinician.id, actorRole: 'clinician', clinicId: clinic.id, patientId: patient.id });
    await recordAudit(db(), { action: 'pain-entry.create', outcome: 'success', actorId: patient.id, actorRole: 'patient', clinicId: clinic.id, patientId: patient.id });
    await signInAs(db(), patient.id);
    expect((await listMyRecordAccess()).map((row) => [row.actorName, row.action])).toEqual([[clinician.name, 'pain-entry.read']]);
    await signInAs(db(), stranger.id);
    expect(await listMyRecordAccess()).toEqual([]);
    await signInAs(db(), clinician.id);
    await expect(listMyRecordAccess()).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
  });
});

describe('append-only and tamper-evident', () => {
  it('refuses updates and deletes from the application', async () => {
    const { clinic } = await createCareTeam(db());
    await recordAudit(db(), { action: 'test.append-only', outcome: 'success', clinicId: clinic.id });
    await expect(db().execute(sql`update audit_events set outcome = 'denied' where action = 'test.append-only'`)).rejects.toThrow();
    await expect(db().delete(auditEvents).where(eq(auditEvents.action, 'test.append-only'))).rejects.toThrow();
    await expect(db().execute(sql`truncate audit_events`)).rejects.toThrow();
  });

  it('verifies an intact chain and pinpoints an altered or removed row', async () => {
    const { clinic } = await createCareTeam(db());
    for (let index = 0; index < 5; index += 1) {
      await recordAudit(db(), { action: 'test.chain', outcome: 'success', clinicId: clinic.id, detail: { index, zeta: 'z', alpha: ['a', { b: 1, a: 2 }] } });
    }
    expect((await verifyAuditChain(db())).problem).toBeNull();
    const [target] = await db().select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, 'test.chain')).limit(1).offset(2);
    // Simulate an attacker with database superuser rights: the trigger has to be switched off first.
    await db().execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await db().execute(sql`update audit_events set outcome = 'denied' where id = ${target!.id}`);
    let report = await verifyAuditChain(db(), 3);
    expect(report).toMatchObject({ firstBadId: target!.id, problem: expect.stringMatching(/altered/) });
    await db().execute(sql`update audit_events set outcome = 'success' where id = ${target!.id}`);
    expect((await verifyAuditChain(db(), 3)).problem).toBeNull();
    await db().execute(sql`delete from audit_events where id = ${target!.id}`);
    report = await verifyAuditChain(db());
    expect(report).toMatchObject({ firstBadId: target!.id + 1, problem: expect.stringMatching(/removed/) });
    await db().execute(sql`alter table audit_events enable trigger audit_events_no_update`);
  });
});
