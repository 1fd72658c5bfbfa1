import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser } from '../../db/factories';
import { executeRows } from '../../db/rows';
import { appointments } from '../../db/schema';
import { setupTestDatabase } from '../../db/testing';
import { generateAppointments, VISITS_PER_CLINICIAN_DAY } from './appointments';

const db = setupTestDatabase();

describe('generated visits', () => {
  it('gives each clinician a full day today and the same two weeks before, once, with the bench patient first', async () => {
    const team = await createCareTeam(db());
    for (let i = 0; i < 20; i += 1) {
      const patient = await createUser(db(), team.clinic.id, 'patient');
      await createEpisode(db(), { clinicId: team.clinic.id, patientId: patient.id, clinicianId: team.clinician.id });
    }
    const now = new Date('2027-03-04T06:00:00Z');
    expect(await generateAppointments(db(), team.clinic.id, team.episode.id, now)).toBe(2 * VISITS_PER_CLINICIAN_DAY);
    expect(await generateAppointments(db(), team.clinic.id, team.episode.id, now)).toBe(0);
    const [first] = await db().select().from(appointments).where(eq(appointments.episodeId, team.episode.id)).orderBy(sql`${appointments.startsAt} desc`);
    // London is on UTC in March: 08:00 today.
    expect(first!.startsAt.toISOString()).toBe('2027-03-04T08:00:00.000Z');
    const [counts] = await executeRows<{ missed: number; attended: number; open: number }>(
      db(),
      sql`select (count(*) filter (where attendance = 'did-not-attend'))::int as missed, (count(*) filter (where attendance = 'attended'))::int as attended,
                 (count(*) filter (where attendance is null))::int as open
          from appointments where clinic_id = ${team.clinic.id}`,
    );
    expect(counts).toEqual({ missed: 2, attended: VISITS_PER_CLINICIAN_DAY - 2, open: VISITS_PER_CLINICIAN_DAY });
  });
});
