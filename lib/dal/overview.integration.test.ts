import { describe, expect, it } from 'vitest';
import { createCareTeam, signInAs } from '@/db/factories';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { getClinicCounts } from './overview';

const db = setupTestDatabase();

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
