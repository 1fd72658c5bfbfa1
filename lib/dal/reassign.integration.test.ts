import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, signInAs } from '@/db/factories';
import { auditEvents, clinics, episodes } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { listActiveEpisodes, reassignEpisode } from './reassign';

const db = setupTestDatabase();

const clinicianOf = async (episodeId: string) =>
  (await db().select({ id: episodes.clinicianId }).from(episodes).where(eq(episodes.id, episodeId)))[0]!.id;

describe('reassignEpisode', () => {
  it('moves an active episode to another active clinician and records from and to', async () => {
    const team = await createCareTeam(db());
    const colleague = await createUser(db(), team.clinic.id, 'clinician');
    await signInAs(db(), team.manager.id);
    expect(await reassignEpisode(team.episode.id, colleague.id)).toBe('done');
    expect(await clinicianOf(team.episode.id)).toBe(colleague.id);
    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.resourceId, team.episode.id));
    expect(event).toMatchObject({
      action: 'manager.episode.reassign',
      actorId: team.manager.id,
      patientId: team.patient.id,
      detail: { fromClinicianId: team.clinician.id, toClinicianId: colleague.id },
    });
  });

  it('refuses a target who is inactive, not a clinician or in another clinic', async () => {
    const team = await createCareTeam(db());
    const other = await createCareTeam(db());
    const inactive = await createUser(db(), team.clinic.id, 'clinician', { active: false });
    await signInAs(db(), team.manager.id);
    for (const target of [inactive.id, team.manager.id, team.patient.id, other.clinician.id]) {
      expect(await reassignEpisode(team.episode.id, target)).toBe('invalid-clinician');
    }
    expect(await reassignEpisode(team.episode.id, team.clinician.id)).toBe('unchanged');
    expect(await clinicianOf(team.episode.id)).toBe(team.clinician.id);
  });

  it('cannot reach another clinic’s or a discharged episode', async () => {
    const team = await createCareTeam(db());
    const other = await createCareTeam(db());
    const discharged = await createEpisode(db(), {
      clinicId: team.clinic.id,
      patientId: team.patient.id,
      clinicianId: team.clinician.id,
      status: 'discharged',
      dischargedAt: new Date(),
    });
    const colleague = await createUser(db(), team.clinic.id, 'clinician');
    await signInAs(db(), team.manager.id);
    expect(await reassignEpisode(other.episode.id, colleague.id)).toBe('not-found');
    expect(await reassignEpisode(discharged.id, colleague.id)).toBe('not-found');
    expect(await clinicianOf(other.episode.id)).toBe(other.clinician.id);
  });

  it('refuses clinicians, even for their own patient', async () => {
    const team = await createCareTeam(db());
    const colleague = await createUser(db(), team.clinic.id, 'clinician');
    await signInAs(db(), team.clinician.id);
    expect(isAppError(await reassignEpisode(team.episode.id, colleague.id).catch((error: unknown) => error), 'forbidden')).toBe(true);
    expect(await clinicianOf(team.episode.id)).toBe(team.clinician.id);
  });
});

describe('listActiveEpisodes', () => {
  it('lists the clinic’s active episodes by pseudonym, with names only when policy allows', async () => {
    const team = await createCareTeam(db());
    await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    const rows = await listActiveEpisodes(null);
    expect(rows).toEqual([expect.objectContaining({ id: team.episode.id, pseudonym: team.episode.pseudonym, patientName: null })]);
    await db().update(clinics).set({ managersSeePatientIdentity: true }).where(eq(clinics.id, team.clinic.id));
    expect((await listActiveEpisodes(team.clinician.id))[0]?.patientName).toBe(team.patient.name);
  });

  it('refuses patients', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    expect(isAppError(await listActiveEpisodes(null).catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});
