import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createPainEntry, createUser, signInAs } from '@/db/factories';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { getClinicCounts, getPatientOverview, listCaseloadOverview } from './overview';

const db = setupTestDatabase();

describe('getPatientOverview', () => {
  it('shows the patient their own clinician and latest pain score', async () => {
    const { patient, clinician, episode } = await createCareTeam(db());
    await createPainEntry(db(), episode.id, 6, new Date(Date.now() - 86_400_000));
    await createPainEntry(db(), episode.id, 4, new Date(Date.now() - 3_600_000));
    await signInAs(db(), patient.id);
    const overview = await getPatientOverview();
    expect(overview.clinicianName).toBe(clinician.name);
    expect(overview.latestPain?.score).toBe(4);
  });

  it('refuses clinicians and managers', async () => {
    const { clinician, manager } = await createCareTeam(db());
    for (const user of [clinician, manager]) {
      await signInAs(db(), user.id);
      expect(isAppError(await getPatientOverview().catch((error: unknown) => error), 'forbidden')).toBe(true);
    }
  });
});

describe('listCaseloadOverview', () => {
  it('lists only the clinician’s own active patients', async () => {
    const team = await createCareTeam(db());
    const colleague = await createUser(db(), team.clinic.id, 'clinician');
    const otherPatient = await createUser(db(), team.clinic.id, 'patient');
    await createEpisode(db(), { clinicId: team.clinic.id, patientId: otherPatient.id, clinicianId: colleague.id });
    await signInAs(db(), team.clinician.id);
    const names = (await listCaseloadOverview()).map((entry) => entry.patientName);
    expect(names).toEqual([team.patient.name]);
    await signInAs(db(), colleague.id);
    expect((await listCaseloadOverview()).map((entry) => entry.patientName)).toEqual([otherPatient.name]);
  });

  it('refuses patients', async () => {
    const { patient } = await createCareTeam(db());
    await signInAs(db(), patient.id);
    expect(isAppError(await listCaseloadOverview().catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});

describe('getClinicCounts', () => {
  it('counts only the manager’s own clinic', async () => {
    const team = await createCareTeam(db());
    await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    expect(await getClinicCounts()).toMatchObject({ clinicName: team.clinic.name, activePatients: 1, clinicians: 1, activeEpisodes: 1 });
  });

  it('refuses clinicians', async () => {
    const { clinician } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    expect(isAppError(await getClinicCounts().catch((error: unknown) => error), 'forbidden')).toBe(true);
  });
});
