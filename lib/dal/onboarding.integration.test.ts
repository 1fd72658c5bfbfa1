import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createClinic, createUser, signInAs } from '@/db/factories';
import { episodes, questionnaireSchedules, tokens, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { MS_PER_DAY } from '@/lib/time';
import { onboardPatient, reissueInvitation, type OnboardingInput } from './onboarding';
import { consumeToken, hashToken } from './internal/tokens';

const db = setupTestDatabase();
let sequence = 0;
const input = (overrides: Partial<OnboardingInput> = {}): OnboardingInput => ({
  name: 'New Patient',
  email: `new-${Date.now()}-${(sequence += 1)}@test.example`,
  dateOfBirth: '1980-02-03',
  condition: 'Non-specific low back pain',
  intakeNprs: 7,
  intervalWeeks: 3,
  instruments: ['ODI', 'STARTBACK'],
  ...overrides,
});

describe('onboardPatient', () => {
  it('creates the patient without a password, an episode in the caseload, schedules, and a hashed 7-day single-use link', async () => {
    const clinic = await createClinic(db());
    const clinician = await createUser(db(), clinic.id, 'clinician');
    await signInAs(db(), clinician.id);
    const now = new Date();
    const outcome = await onboardPatient(input({ email: 'Mixed.Case@Test.Example'.toLowerCase() }), now);
    if (outcome.status !== 'created') throw new Error('expected created');
    const [episode] = await db().select().from(episodes).where(eq(episodes.id, outcome.episodeId));
    expect(episode).toMatchObject({ clinicianId: clinician.id, clinicId: clinic.id, intakeNprs: 7, questionnaireIntervalWeeks: 3, status: 'active' });
    const [patient] = await db().select().from(users).where(eq(users.id, episode!.patientId));
    expect(patient).toMatchObject({ role: 'patient', passwordHash: null, dateOfBirth: '1980-02-03', clinicId: clinic.id });
    const schedules = await db().select().from(questionnaireSchedules).where(eq(questionnaireSchedules.episodeId, outcome.episodeId));
    expect(schedules.filter((row) => row.enabled).map((row) => row.instrument).sort()).toEqual(['ODI', 'STARTBACK']);
    const secret = outcome.invitation.path.split('/').at(-1)!;
    expect(outcome.invitation.path).toMatch(/^\/invite\/[\w-]{40,}$/);
    expect(outcome.invitation.expiresAt.getTime() - now.getTime()).toBe(7 * MS_PER_DAY);
    const stored = await db().select({ tokenHash: tokens.tokenHash }).from(tokens).where(eq(tokens.userId, patient!.id));
    expect(stored).toEqual([{ tokenHash: hashToken(secret) }]);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(await consumeToken(db(), secret, 'invite')).toBe(patient!.id);
    expect(await consumeToken(db(), secret, 'invite')).toBeNull();
  });

  it('refuses an email that already has an account, writing nothing', async () => {
    const { clinician, patient } = await createCareTeam(db());
    await signInAs(db(), clinician.id);
    const before = await db().select().from(episodes);
    expect(await onboardPatient(input({ email: patient.email }))).toEqual({ status: 'email-taken' });
    expect(await db().select().from(episodes)).toHaveLength(before.length);
  });

  it('refuses patients and managers', async () => {
    const { manager, patient } = await createCareTeam(db());
    for (const user of [manager, patient]) {
      await signInAs(db(), user.id);
      await expect(onboardPatient(input())).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    }
  });
});

describe('reissueInvitation', () => {
  it('gives the own clinician a new link (the old one stops working), but not once the patient set a password or to another clinician', async () => {
    const clinic = await createClinic(db());
    const clinician = await createUser(db(), clinic.id, 'clinician');
    await signInAs(db(), clinician.id);
    const outcome = await onboardPatient(input());
    if (outcome.status !== 'created') throw new Error('expected created');
    const first = outcome.invitation.path.split('/').at(-1)!;
    const again = await reissueInvitation(outcome.episodeId);
    expect(again!.path).not.toBe(outcome.invitation.path);
    expect(await consumeToken(db(), first, 'invite')).toBeNull();

    const other = await createUser(db(), clinic.id, 'clinician');
    await signInAs(db(), other.id);
    expect(await reissueInvitation(outcome.episodeId)).toBeNull();

    const { clinician: owner, episode } = await createCareTeam(db());
    await signInAs(db(), owner.id);
    expect(await reissueInvitation(episode.id)).toBeNull();
  });
});
