import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, insertPainEntryRow, signInAs } from '@/db/factories';
import { alerts, auditEvents, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { setTestSession } from '@/lib/auth/session-claims';
import { requireViewer } from '@/lib/auth/viewer';
import { isAppError } from '@/lib/errors';
import { listAlerts } from './alerts';
import { listMyRecordAccess } from './audit-trail';
import { getPainEntry, listPainEntries } from './pain';
import { getProgress } from './progress';
import { listQuestionnaireStatus } from './questionnaires';
import { getToday } from './today';

const db = setupTestDatabase();

async function rowsFor(actorId: string | null, action: string) {
  return db()
    .select()
    .from(auditEvents)
    .where(and(actorId ? eq(auditEvents.actorId, actorId) : undefined, eq(auditEvents.action, action)))
    .orderBy(desc(auditEvents.id));
}

describe('a patient reading their own record', () => {
  it('writes one attributable row per view, with the patient, the resource and the client address', async () => {
    const { clinic, patient, episode } = await createCareTeam(db());
    const entry = await insertPainEntryRow(db(), episode.id, 4);
    await signInAs(db(), patient.id);

    await getToday();
    await getProgress('4w');
    await listPainEntries();
    await getPainEntry(entry.id);
    await listQuestionnaireStatus();

    for (const [action, resourceType, resourceId] of [
      ['patient.today.read', 'episode', episode.id],
      ['patient.progress.read', 'episode', episode.id],
      ['pain-entry.list', 'patient', patient.id],
      ['pain-entry.read', 'pain_entry', entry.id],
      ['patient.questionnaires.read', 'episode', episode.id],
    ] as const) {
      const rows = await rowsFor(patient.id, action);
      expect(rows, action).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        outcome: 'success',
        actorRole: 'patient',
        clinicId: clinic.id,
        patientId: patient.id,
        resourceType,
        resourceId,
        clientAddress: '203.0.113.9',
      });
    }
    // The home page reads questionnaire status through getToday: one row for the page, not two.
    expect(await rowsFor(patient.id, 'patient.questionnaires.read')).toHaveLength(1);
    // Their own reads are not "someone viewed my record".
    expect(await listMyRecordAccess()).toEqual([]);
  });

  it('records nothing as a read when the read was refused', async () => {
    const { patient } = await createCareTeam(db());
    const { episode: otherEpisode } = await createCareTeam(db());
    const theirs = await insertPainEntryRow(db(), otherEpisode.id, 6);
    await signInAs(db(), patient.id);
    expect(await getPainEntry(theirs.id)).toBeNull();
    const rows = await rowsFor(patient.id, 'pain-entry.read');
    expect(rows.map((row) => row.outcome)).toEqual(['denied']);
  });
});

describe('a clinician reading alerts', () => {
  it('records the inbox read, with how many alerts it showed', async () => {
    const { clinician, episode } = await createCareTeam(db());
    await db().insert(alerts).values({ episodeId: episode.id, reason: 'worsening', urgency: 'same-day', message: 'Pain is worse.', detail: {}, raisedAt: new Date() });
    await signInAs(db(), clinician.id);
    await listAlerts();
    const rows = await rowsFor(clinician.id, 'clinician.alerts.read');
    expect(rows.map((row) => [row.resourceType, row.patientId, row.detail])).toEqual([['alert-inbox', null, { open: 1, openTotal: 1, closed: 0 }]]);
  });
});

describe('a request without a valid session', () => {
  it('is refused and recorded with the client address, even with no cookie at all', async () => {
    await createCareTeam(db());
    setTestSession(null, '198.51.100.7');
    await expect(getToday()).rejects.toSatisfy((error) => isAppError(error, 'unauthenticated'));
    const [row] = await rowsFor(null, 'area.patient');
    expect(row).toMatchObject({ outcome: 'denied', actorId: null, clientAddress: '198.51.100.7', detail: { reason: 'no-session' } });
  });

  it('names the account of a revoked or expired session, so the attempt is attributable', async () => {
    const { patient, clinician } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    await db().update(users).set({ sessionVersion: 99 }).where(eq(users.id, patient.id));
    await expect(getToday()).rejects.toSatisfy((error) => isAppError(error, 'unauthenticated'));
    expect((await rowsFor(patient.id, 'area.patient'))[0]).toMatchObject({ outcome: 'denied', detail: { reason: 'revoked' } });

    await signInAs(db(), clinician.id, { signedInAt: Date.now() - 13 * 60 * 60 * 1000 });
    await expect(requireViewer('account.read')).rejects.toSatisfy((error) => isAppError(error, 'unauthenticated'));
    expect((await rowsFor(clinician.id, 'account.read'))[0]).toMatchObject({ outcome: 'denied', detail: { reason: 'expired' } });
  });
});
