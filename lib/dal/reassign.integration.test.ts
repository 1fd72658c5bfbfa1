import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, signInAs } from '@/db/factories';
import { auditEvents, clinics, episodes } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { CASELOADS_PAGE_SIZE, listActiveEpisodes, reassignEpisode } from './reassign';

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
    const { rows, total, page, pageCount } = await listActiveEpisodes(null);
    expect(rows).toEqual([expect.objectContaining({ id: team.episode.id, pseudonym: team.episode.pseudonym, patientName: null })]);
    expect({ total, page, pageCount }).toEqual({ total: 1, page: 1, pageCount: 1 });
    await db().update(clinics).set({ managersSeePatientIdentity: true }).where(eq(clinics.id, team.clinic.id));
    expect((await listActiveEpisodes(team.clinician.id)).rows[0]?.patientName).toBe(team.patient.name);
    // Each view is attributable: who looked, which page, and whether names were shown.
    const views = await db().select().from(auditEvents).where(and(eq(auditEvents.actorId, team.manager.id), eq(auditEvents.action, 'manager.caseloads.read'))).orderBy(asc(auditEvents.id));
    expect(views.map((view) => view.detail)).toEqual([
      { page: 1, episodes: 1, clinicianId: null, identities: false },
      { page: 1, episodes: 1, clinicianId: team.clinician.id, identities: true },
    ]);
    expect(views[0]).toMatchObject({ outcome: 'success', clinicId: team.clinic.id, resourceType: 'caseloads' });
  });

  it('lists a large clinic a page at a time, in a stable order, without repeats or gaps', async () => {
    const team = await createCareTeam(db());
    const colleague = await createUser(db(), team.clinic.id, 'clinician');
    const extra = CASELOADS_PAGE_SIZE + 7;
    for (let index = 0; index < extra; index += 1) {
      const patient = await createUser(db(), team.clinic.id, 'patient');
      await createEpisode(db(), { clinicId: team.clinic.id, patientId: patient.id, clinicianId: index % 2 ? colleague.id : team.clinician.id });
    }
    await signInAs(db(), team.manager.id);
    const first = await listActiveEpisodes(null, 1);
    const second = await listActiveEpisodes(null, 2);
    expect(first.total).toBe(extra + 1);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(CASELOADS_PAGE_SIZE);
    expect(second.rows).toHaveLength(extra + 1 - CASELOADS_PAGE_SIZE);
    const ids = [...first.rows, ...second.rows].map((row) => row.id);
    expect(new Set(ids).size).toBe(extra + 1);
    // A page past the end is the last page; one clinician's list counts only theirs.
    expect((await listActiveEpisodes(null, 99)).page).toBe(2);
    expect((await listActiveEpisodes(colleague.id)).total).toBe(Math.floor(extra / 2));
  });

  it('refuses patients', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    expect(isAppError(await listActiveEpisodes(null).catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});
