import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, insertPainEntryRow, signInAs } from '@/db/factories';
import { auditEvents, clinics, episodes as episodeTable } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { addDays, localDay, MS_PER_DAY } from '@/lib/time';
import { getClinicOutcomes, getOutcomeContext, listOutcomeEpisodes, openOutcomeExport } from './outcomes';

const db = setupTestDatabase();
const today = localDay(new Date(), 'Europe/London');
const lastYear = { from: addDays(today, -365), to: today, clinicianId: null };

/** A clinic with six active episodes (intake pain 8, then 8 and 4 logged: 8 → 4 each) for one clinician. */
async function clinicWithSix() {
  const team = await createCareTeam(db());
  const episodes = [team.episode];
  for (let i = 0; i < 5; i += 1) {
    const patient = await createUser(db(), team.clinic.id, 'patient');
    episodes.push(await createEpisode(db(), { clinicId: team.clinic.id, patientId: patient.id, clinicianId: team.clinician.id }));
  }
  await db().update(episodeTable).set({ intakeNprs: 8 }).where(inArray(episodeTable.id, episodes.map((episode) => episode.id)));
  for (const episode of episodes) {
    await insertPainEntryRow(db(), episode.id, 8, new Date(Date.now() - 20 * MS_PER_DAY));
    await insertPainEntryRow(db(), episode.id, 4, new Date(Date.now() - MS_PER_DAY));
  }
  return { ...team, episodes };
}

describe('getClinicOutcomes', () => {
  it('gives the manager their own clinic’s figures only', async () => {
    const team = await clinicWithSix();
    await clinicWithSix();
    await signInAs(db(), team.manager.id);
    const outcomes = await getClinicOutcomes(lastYear);
    expect(outcomes.overall.counts).toEqual({ reportable: true, started: 6, active: 6, discharged: 0 });
    // Every change is −4, so the SD is 0 and the interval collapses onto the mean.
    expect(outcomes.overall.nprsLatest).toEqual({ reportable: true, mean: -4, low: -4, high: -4, n: 6 });
    expect(outcomes.byClinician.map((group) => group.label)).toEqual([team.clinician.name]);
    expect(outcomes.byMonth.length).toBeGreaterThanOrEqual(12);
  });

  it('refuses clinicians and patients with 403, and records the refusal', async () => {
    const team = await createCareTeam(db());
    for (const user of [team.clinician, team.patient]) {
      await signInAs(db(), user.id);
      expect(isAppError(await getClinicOutcomes(lastYear).catch((error: unknown) => error), 'forbidden')).toBe(true);
      expect(isAppError(await getOutcomeContext().catch((error: unknown) => error), 'forbidden')).toBe(true);
      expect(isAppError(await openOutcomeExport(lastYear).catch((error: unknown) => error), 'forbidden')).toBe(true);
    }
    const denied = await db().select().from(auditEvents).where(and(eq(auditEvents.actorId, team.patient.id), eq(auditEvents.outcome, 'denied')));
    expect(denied.length).toBe(3);
  });

  it('is refused without a session', async () => {
    await signInAs(db(), null);
    expect(isAppError(await getClinicOutcomes(lastYear).catch((error: unknown) => error), 'unauthenticated')).toBe(true);
  });
});

describe('listOutcomeEpisodes', () => {
  it('lists pseudonyms without names by default, names when clinic policy allows, and audits the read', async () => {
    const team = await clinicWithSix();
    await signInAs(db(), team.manager.id);
    const { rows } = await listOutcomeEpisodes(lastYear, { figure: 'nprs-latest', after: null });
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.patientName === null && row.pseudonym.startsWith('EP-'))).toBe(true);
    expect(rows[0]).toMatchObject({ clinicianName: team.clinician.name, nprsBaseline: 8, nprsLatest: 4, nprsMcidLatest: true });

    await db().update(clinics).set({ managersSeePatientIdentity: true }).where(eq(clinics.id, team.clinic.id));
    const named = await listOutcomeEpisodes(lastYear, { figure: 'nprs-latest', after: null });
    expect(named.rows.map((row) => row.patientName)).toContain(team.patient.name);

    const reads = await db().select().from(auditEvents).where(and(eq(auditEvents.actorId, team.manager.id), eq(auditEvents.action, 'manager.outcomes.episodes.read')));
    expect(reads).toHaveLength(2);
  });

  it('ignores a clinician id from another clinic', async () => {
    const team = await clinicWithSix();
    const other = await clinicWithSix();
    await signInAs(db(), team.manager.id);
    const { rows } = await listOutcomeEpisodes({ ...lastYear, clinicianId: other.clinician.id }, { after: null });
    expect(rows).toEqual([]);
  });
});

describe('openOutcomeExport', () => {
  it('audits the export and yields every episode in pages', async () => {
    const team = await clinicWithSix();
    await signInAs(db(), team.manager.id);
    const { pages } = await openOutcomeExport(lastYear);
    const all = [];
    for await (const page of pages()) all.push(...page);
    expect(all.map((row) => row.id).sort()).toEqual(team.episodes.map((episode) => episode.id).sort());
    const exports = await db().select().from(auditEvents).where(and(eq(auditEvents.actorId, team.manager.id), eq(auditEvents.action, 'manager.outcomes.export')));
    expect(exports).toHaveLength(1);
  });
});
