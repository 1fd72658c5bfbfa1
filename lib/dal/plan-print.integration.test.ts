import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createUser, daysAgo, insertExerciseRow, insertOneExercisePlan, insertPainEntryRow, signInAs } from '@/db/factories';
import { auditEvents, clinics, episodes } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { getDischargeLetter } from './discharge-letter';
import { getPrintablePlanForClinician, getPrintablePlanForPatient } from './plan-print';

const db = setupTestDatabase();
const forbidden = async (call: () => Promise<unknown>) => isAppError(await call().catch((error: unknown) => error), 'forbidden');

async function teamWithPlan() {
  const team = await createCareTeam(db());
  await db().update(clinics).set({ contactPhone: '020 7946 0001', contactAddress: '1 High St' }).where(eq(clinics.id, team.clinic.id));
  const exercise = await insertExerciseRow(db(), team.clinic.id, 'Knee hugs');
  await insertOneExercisePlan(db(), { episodeId: team.episode.id, clinicianId: team.clinician.id, exerciseId: exercise.id });
  return team;
}

describe('printable plans', () => {
  it('the patient prints their own plan with dosage, safety notes and the clinic’s contact details; audited', async () => {
    const team = await teamWithPlan();
    await signInAs(db(), team.patient.id);
    const plan = await getPrintablePlanForPatient();
    expect(plan).toMatchObject({ patientName: team.patient.name, clinicianName: team.clinician.name, version: 1, clinic: { name: team.clinic.name, phone: '020 7946 0001', address: '1 High St', email: null } });
    expect(plan!.exercises).toEqual([
      expect.objectContaining({ name: 'Knee hugs', dosage: '10 times', safetyNote: 'Stop if pain spreads.', acceptablePain: 'Up to 5/10.', instructions: ['Move gently.'] }),
    ]);
    const [row] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'patient.plan.print'), eq(auditEvents.actorId, team.patient.id)));
    expect(row).toMatchObject({ patientId: team.patient.id, resourceId: team.episode.id });
  });

  it('the assigned clinician prints it; another clinician gets nothing (refusal audited); a manager is refused', async () => {
    const team = await teamWithPlan();
    await signInAs(db(), team.clinician.id);
    expect((await getPrintablePlanForClinician(team.episode.id))?.exercises).toHaveLength(1);
    const other = await createUser(db(), team.clinic.id, 'clinician');
    await signInAs(db(), other.id);
    expect(await getPrintablePlanForClinician(team.episode.id)).toBeNull();
    const denied = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'clinician.plan.print'), eq(auditEvents.actorId, other.id)));
    expect(denied[0]?.outcome).toBe('denied');
    await signInAs(db(), team.manager.id);
    expect(await forbidden(() => getPrintablePlanForClinician(team.episode.id))).toBe(true);
    expect(await forbidden(getPrintablePlanForPatient)).toBe(true);
  });

  it('a patient without a plan gets nothing to print', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    expect(await getPrintablePlanForPatient()).toBeNull();
  });
});

describe('the discharge letter', () => {
  it('exists only once the episode is discharged, for its clinician, with the outcome figures', async () => {
    const team = await teamWithPlan();
    await insertPainEntryRow(db(), team.episode.id, 2, daysAgo(2));
    await signInAs(db(), team.clinician.id);
    expect(await getDischargeLetter(team.episode.id)).toBeNull();
    await db().update(episodes).set({ status: 'discharged', dischargedAt: daysAgo(1), dischargeSummary: 'Back to running.' }).where(eq(episodes.id, team.episode.id));
    const letter = await getDischargeLetter(team.episode.id);
    expect(letter).toMatchObject({ patient: { name: team.patient.name }, clinicianName: team.clinician.name, clinic: { phone: '020 7946 0001' } });
    expect(letter!.outcome.nprs).toMatchObject({ baseline: 6, latest: 2, improvement: { met: true } });
    expect(letter!.outcome.dischargeSummary).toBe('Back to running.');
    const other = await createUser(db(), team.clinic.id, 'clinician');
    await signInAs(db(), other.id);
    expect(await getDischargeLetter(team.episode.id)).toBeNull();
    for (const user of [team.patient, team.manager]) {
      await signInAs(db(), user.id);
      expect(await forbidden(() => getDischargeLetter(team.episode.id))).toBe(true);
    }
  });
});
