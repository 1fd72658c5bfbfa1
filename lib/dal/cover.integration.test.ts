import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, signInAs } from '@/db/factories';
import { alerts, auditEvents, clinics, episodes, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { raiseAlert } from './internal/alert-engine';
import { acknowledgeAlert, countOpenAlerts, listAlerts } from './alerts';
import { listCaseload, type CaseloadQuery } from './caseload';
import { setUserActive } from './clinic-users';
import { getMyAwayStatus, listClinicianCover, listCoverCandidates, markAway, markBack } from './cover';
import { getPatientRecord } from './patient-record';
import { reassignCaseload } from './reassign';

const db = setupTestDatabase();

const query: CaseloadQuery = { sort: 'attention', direction: 'asc', flag: null, search: '', page: 1 };

/** A clinic with two clinicians, each with one patient; the first has an open worsening alert. */
async function clinicOfTwo() {
  const team = await createCareTeam(db());
  const colleague = await createUser(db(), team.clinic.id, 'clinician');
  const colleaguePatient = await createUser(db(), team.clinic.id, 'patient');
  const colleagueEpisode = await createEpisode(db(), { clinicId: team.clinic.id, patientId: colleaguePatient.id, clinicianId: colleague.id });
  await raiseAlert(db(), { episodeId: team.episode.id, reason: 'worsening', urgency: 'same-day', message: 'Worse.', raisedAt: new Date(Date.now() - 3_600_000) });
  const [alert] = await db().select({ id: alerts.id }).from(alerts).where(eq(alerts.episodeId, team.episode.id));
  return { ...team, colleague, colleaguePatient, colleagueEpisode, alertId: alert!.id };
}

const auditOf = (resourceId: string, action: string) =>
  db().select().from(auditEvents).where(and(eq(auditEvents.resourceId, resourceId), eq(auditEvents.action, action)));

const awayFields = async (userId: string) =>
  (await db().select({ cover: users.coverClinicianId, since: users.awaySince }).from(users).where(eq(users.id, userId)))[0]!;

describe('a clinician away with a cover', () => {
  it('gives the cover their patients and open alerts until they are back, and audits both', async () => {
    const team = await clinicOfTwo();
    await signInAs(db(), team.clinician.id);
    expect(await markAway(team.clinician.id, team.colleague.id)).toBe('done');
    expect(await getMyAwayStatus()).toMatchObject({ away: true, cover: { id: team.colleague.id, name: team.colleague.name } });
    const [started] = await auditOf(team.clinician.id, 'clinician.away.start');
    expect(started).toMatchObject({ actorId: team.clinician.id, detail: { coverClinicianId: team.colleague.id, activeEpisodes: 1, openAlerts: 1 } });

    await signInAs(db(), team.colleague.id);
    expect((await getMyAwayStatus()).coveringFor.map((row) => row.id)).toEqual([team.clinician.id]);
    const caseload = await listCaseload(query);
    expect(caseload.rows.map((row) => row.episodeId).sort()).toEqual([team.episode.id, team.colleagueEpisode.id].sort());
    const { open } = await listAlerts();
    expect(open.map((alert) => [alert.id, alert.coveringFor])).toEqual([[team.alertId, team.clinician.name]]);
    expect(await countOpenAlerts()).toBe(1);
    expect((await getPatientRecord(team.episode.id))?.header.patientName).toBe(team.patient.name);
    expect(await acknowledgeAlert(team.alertId, 'Phoned the patient.')).toBe('acknowledged');

    // Back: the cover no longer sees the patient; the clinician does.
    await signInAs(db(), team.manager.id);
    expect(await markBack(team.clinician.id)).toBe('done');
    expect(await awayFields(team.clinician.id)).toEqual({ cover: null, since: null });
    expect(await auditOf(team.clinician.id, 'clinician.away.end')).toHaveLength(1);
    await signInAs(db(), team.colleague.id);
    expect(await getPatientRecord(team.episode.id)).toBeNull();
    expect((await listCaseload(query)).rows.map((row) => row.episodeId)).toEqual([team.colleagueEpisode.id]);
    await signInAs(db(), team.clinician.id);
    expect((await getPatientRecord(team.episode.id))?.header.episodeId).toBe(team.episode.id);
    expect(await markBack(team.clinician.id)).toBe('not-away');
  });

  it('lets a manager mark a clinician away, but not another clinician or another clinic’s manager', async () => {
    const team = await clinicOfTwo();
    const third = await createUser(db(), team.clinic.id, 'clinician');
    const other = await createCareTeam(db());

    await signInAs(db(), team.colleague.id);
    expect(await markAway(team.clinician.id, third.id)).toBe('not-found');
    expect(await markBack(team.clinician.id)).toBe('not-found');
    await signInAs(db(), other.manager.id);
    expect(await markAway(team.clinician.id, third.id)).toBe('not-found');
    expect(await awayFields(team.clinician.id)).toEqual({ cover: null, since: null });
    const refused = await db().select().from(auditEvents).where(and(eq(auditEvents.resourceId, team.clinician.id), eq(auditEvents.outcome, 'denied')));
    expect(refused.map((event) => [event.action, event.actorId])).toEqual([
      ['clinician.away.start', team.colleague.id],
      ['clinician.away.end', team.colleague.id],
      ['clinician.away.start', other.manager.id],
    ]);

    await signInAs(db(), team.patient.id);
    expect(isAppError(await markAway(team.clinician.id, third.id).catch((error: unknown) => error), 'forbidden')).toBe(true);

    await signInAs(db(), team.manager.id);
    expect(await markAway(team.clinician.id, third.id)).toBe('done');
    // A new cover while still away: recorded as a change, and the first day away is kept.
    const since = (await awayFields(team.clinician.id)).since;
    expect(await markAway(team.clinician.id, team.colleague.id)).toBe('done');
    expect(await awayFields(team.clinician.id)).toEqual({ cover: team.colleague.id, since });
    expect(await auditOf(team.clinician.id, 'clinician.away.cover-change')).toHaveLength(1);
    await signInAs(db(), third.id);
    expect(await getPatientRecord(team.episode.id)).toBeNull();
  });

  it('refuses a cover from another clinic, inactive, not a clinician, away, or the clinician themself, and changes nothing', async () => {
    const team = await clinicOfTwo();
    const other = await createCareTeam(db());
    const inactive = await createUser(db(), team.clinic.id, 'clinician', { active: false });
    const away = await createUser(db(), team.clinic.id, 'clinician');
    const awayCover = await createUser(db(), team.clinic.id, 'clinician');
    await signInAs(db(), team.manager.id);
    expect(await markAway(away.id, awayCover.id)).toBe('done');

    const cases: [string, string][] = [
      [other.clinician.id, 'invalid-cover'],
      [inactive.id, 'invalid-cover'],
      [team.manager.id, 'invalid-cover'],
      [team.patient.id, 'invalid-cover'],
      ['not-a-uuid', 'invalid-cover'],
      [away.id, 'cover-away'],
      [team.clinician.id, 'self-cover'],
    ];
    for (const actor of [team.manager.id, team.clinician.id]) {
      await signInAs(db(), actor);
      for (const [cover, outcome] of cases) expect([cover, await markAway(team.clinician.id, cover)]).toEqual([cover, outcome]);
    }
    // Someone covering for an away colleague cannot go away until that is handed on.
    await signInAs(db(), awayCover.id);
    expect(await markAway(awayCover.id, team.colleague.id)).toBe('covering-others');
    for (const id of [team.clinician.id, awayCover.id]) expect(await awayFields(id)).toEqual({ cover: null, since: null });
    expect(await auditOf(team.clinician.id, 'clinician.away.start')).toEqual([]);
  });

  it('offers as covers only active clinicians of the clinic who are at work', async () => {
    const team = await clinicOfTwo();
    const away = await createUser(db(), team.clinic.id, 'clinician');
    await createUser(db(), team.clinic.id, 'clinician', { active: false });
    await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    await markAway(away.id, team.colleague.id);
    await signInAs(db(), team.clinician.id);
    expect((await listCoverCandidates()).map((row) => row.id)).toEqual([team.colleague.id]);
  });
});

describe('deactivating a clinician', () => {
  it('is refused while they have patients; after their caseload is reassigned, it goes through', async () => {
    const team = await clinicOfTwo();
    await signInAs(db(), team.manager.id);
    expect(await setUserActive(team.clinician.id, false)).toBe('has-caseload');
    expect((await db().select({ active: users.active }).from(users).where(eq(users.id, team.clinician.id)))[0]).toEqual({ active: true });

    expect(await reassignCaseload(team.clinician.id, team.colleague.id)).toEqual({ outcome: 'done', moved: 1 });
    const [moved] = await db().select({ clinicianId: episodes.clinicianId }).from(episodes).where(eq(episodes.id, team.episode.id));
    expect(moved!.clinicianId).toBe(team.colleague.id);
    expect(await auditOf(team.episode.id, 'manager.episode.reassign')).toEqual([
      expect.objectContaining({ actorId: team.manager.id, patientId: team.patient.id, detail: { fromClinicianId: team.clinician.id, toClinicianId: team.colleague.id, wholeCaseload: true } }),
    ]);
    expect(await setUserActive(team.clinician.id, false)).toBe('done');

    // The open alert went with the patient.
    await signInAs(db(), team.colleague.id);
    expect((await listAlerts()).open.map((alert) => [alert.id, alert.coveringFor])).toEqual([[team.alertId, null]]);
  });

  it('refuses a bulk move to someone inactive or in another clinic, and from another clinic', async () => {
    const team = await clinicOfTwo();
    const other = await createCareTeam(db());
    const inactive = await createUser(db(), team.clinic.id, 'clinician', { active: false });
    await signInAs(db(), team.manager.id);
    expect(await reassignCaseload(team.clinician.id, inactive.id)).toEqual({ outcome: 'invalid-clinician' });
    expect(await reassignCaseload(team.clinician.id, other.clinician.id)).toEqual({ outcome: 'invalid-clinician' });
    expect(await reassignCaseload(team.clinician.id, team.manager.id)).toEqual({ outcome: 'invalid-clinician' });
    expect(await reassignCaseload(other.clinician.id, team.colleague.id)).toEqual({ outcome: 'not-found' });
    expect(await reassignCaseload(team.clinician.id, team.clinician.id)).toEqual({ outcome: 'unchanged' });
    const owners = await db().select({ clinicianId: episodes.clinicianId }).from(episodes).where(inArray(episodes.id, [team.episode.id, other.episode.id]));
    expect(owners.map((row) => row.clinicianId).sort()).toEqual([team.clinician.id, other.clinician.id].sort());
    await signInAs(db(), team.clinician.id);
    expect(isAppError(await reassignCaseload(team.clinician.id, team.colleague.id).catch((error: unknown) => error), 'forbidden')).toBe(true);
  });

  it('is refused while they cover an away colleague or are the safety lead; an away clinician’s absence ends with the account', async () => {
    const team = await clinicOfTwo();
    const spare = await createUser(db(), team.clinic.id, 'clinician');
    await signInAs(db(), team.manager.id);
    await reassignCaseload(team.clinician.id, team.colleague.id);
    expect(await markAway(team.colleague.id, spare.id)).toBe('done');
    expect(await setUserActive(spare.id, false)).toBe('is-cover');
    await db().update(clinics).set({ safetyLeadId: team.clinician.id }).where(eq(clinics.id, team.clinic.id));
    expect(await setUserActive(team.clinician.id, false)).toBe('is-safety-lead');
    expect(await markAway(team.clinician.id, spare.id)).toBe('done');
    await db().update(clinics).set({ safetyLeadId: spare.id }).where(eq(clinics.id, team.clinic.id));
    expect(await setUserActive(team.clinician.id, false)).toBe('done');
    expect(await awayFields(team.clinician.id)).toEqual({ cover: null, since: null });
  });
});

describe('listClinicianCover', () => {
  it('gives managers per clinician the unacknowledged alerts and the oldest, with no clinical detail', async () => {
    const team = await clinicOfTwo();
    const older = new Date(Date.now() - 5 * 3_600_000);
    await raiseAlert(db(), { episodeId: team.episode.id, reason: 'red-flag', urgency: 'emergency', message: 'Saddle numbness.', raisedAt: older });
    await signInAs(db(), team.manager.id);
    await markAway(team.colleague.id, team.clinician.id);
    const { rows } = await listClinicianCover();
    const mine = rows.find((row) => row.id === team.clinician.id)!;
    expect(mine).toMatchObject({ unacknowledged: 2, oldestUnacknowledgedAt: older, activeEpisodes: 1, awaySince: null });
    expect(rows.find((row) => row.id === team.colleague.id)).toMatchObject({ unacknowledged: 0, oldestUnacknowledgedAt: null, coverName: team.clinician.name });
    expect(Object.keys(mine).sort()).toEqual(
      ['activeEpisodes', 'awaySince', 'coverName', 'escalated', 'id', 'isSafetyLead', 'name', 'oldestUnacknowledgedAt', 'unacknowledged'].sort(),
    );
    expect(JSON.stringify(rows)).not.toMatch(/Saddle|Worse|red-flag|worsening/);
    expect(rows.map((row) => row.id).sort()).toEqual([team.clinician.id, team.colleague.id].sort());

    await signInAs(db(), team.clinician.id);
    expect(isAppError(await listClinicianCover().catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});
