import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, signInAs } from '@/db/factories';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { getClinicCounts, listCaseloadOverview } from './overview';

const db = setupTestDatabase();

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
