import 'server-only';
import { INSTRUMENTS, type Instrument } from '@/lib/clinical/instruments';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clinics, episodes, questionnaireSchedules, users } from '@/db/schema';
import { requireRole } from '@/lib/auth/viewer';
import { addDays, localDay, personTimeZone, startOfDayIn } from '@/lib/time';
import { recordAudit } from '@/lib/audit/record';
import { auditBase, getOwnEpisode } from './internal/clinician-access';
import { reportEmailInUse } from './internal/email-in-use';
import { issueToken } from './internal/tokens';
import { recordViewerAction } from './internal/viewer-action';

export type OnboardingInput = {
  name: string;
  email: string;
  dateOfBirth: string;
  condition: string;
  intakeNprs: number;
  intervalWeeks: number;
  instruments: Instrument[];
};

export type InvitationLink = { path: string; expiresAt: Date };

export type OnboardingOutcome = { status: 'created'; episodeId: string; invitation: InvitationLink } | { status: 'email-taken' };

/** Days the patient has to answer the questionnaires requested at the start of care. */
export const FIRST_QUESTIONNAIRES_DUE_DAYS = 3;

const PSEUDONYM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newPseudonym(): string {
  const bytes = randomBytes(8);
  return `EP-${[...bytes].map((byte) => PSEUDONYM_ALPHABET[byte % PSEUDONYM_ALPHABET.length]).join('')}`;
}

/**
 * Clinician: creates a patient account (no password yet) and an episode in their own caseload, schedules
 * the chosen questionnaires and issues a one-time invitation link (7 days, stored hashed). The link is
 * returned once and never stored. An email that already has an account, in this clinic or another:
 * 'email-taken' either way (lib/dal/internal/email-in-use.ts tells the owner). Others: AppError('forbidden').
 */
export async function onboardPatient(input: OnboardingInput, now = new Date()): Promise<OnboardingOutcome> {
  const viewer = await requireRole('clinician');
  const db = getDb();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
  if (existing) {
    await reportEmailInUse(viewer, input.email, 'patient-onboarding');
    return { status: 'email-taken' };
  }
  try {
    return await db.transaction(async (tx) => {
      const [patient] = await tx
        .insert(users)
        .values({
          clinicId: viewer.clinicId,
          email: input.email,
          name: input.name,
          role: 'patient',
          passwordHash: null,
          dateOfBirth: input.dateOfBirth,
          // No zone of their own: the patient follows the clinic's until they choose one.
          timeZone: null,
        })
        .returning({ id: users.id });
      const [episode] = await tx
        .insert(episodes)
        .values({
          clinicId: viewer.clinicId,
          patientId: patient!.id,
          clinicianId: viewer.userId,
          pseudonym: newPseudonym(),
          condition: input.condition,
          startedAt: now,
          intakeNprs: input.intakeNprs,
          questionnaireIntervalWeeks: input.intervalWeeks,
        })
        .returning({ id: episodes.id });
      // Due on a day of the patient's calendar (the clinic's, as they have no zone of their own yet), so a
      // daylight-saving change in between cannot move it by a day.
      const [clinic] = await tx.select({ timeZone: clinics.timeZone }).from(clinics).where(eq(clinics.id, viewer.clinicId));
      const patientZone = personTimeZone(null, clinic!.timeZone);
      const dueAt = startOfDayIn(addDays(localDay(now, patientZone), FIRST_QUESTIONNAIRES_DUE_DAYS), patientZone);
      const chosen = new Set(input.instruments);
      await tx.insert(questionnaireSchedules).values(
        INSTRUMENTS
          .filter((instrument) => chosen.has(instrument) || instrument === 'ODI')
          .map((instrument) => ({
            episodeId: episode!.id,
            instrument,
            // STarT Back screens once at the start of care; the others repeat at the routine interval.
            intervalWeeks: instrument === 'STARTBACK' ? null : input.intervalWeeks,
            enabled: chosen.has(instrument),
            dueAt: chosen.has(instrument) ? dueAt : null,
          })),
      );
      const invitation = await issueToken(tx, { userId: patient!.id, kind: 'invite', createdBy: viewer.userId, now });
      await recordViewerAction(tx, viewer, {
        action: 'clinician.patient.onboard',
        patientId: patient!.id,
        resourceType: 'episode',
        resourceId: episode!.id,
        detail: { instruments: [...chosen] },
      });
      return { status: 'created' as const, episodeId: episode!.id, invitation: { path: invitation.path, expiresAt: invitation.expiresAt } };
    });
  } catch (error) {
    // Two clinicians inviting the same email at once: the unique index decides.
    if ((error as { cause?: { code?: string } }).cause?.code === '23505' || (error as { code?: string }).code === '23505') {
      await reportEmailInUse(viewer, input.email, 'patient-onboarding');
      return { status: 'email-taken' };
    }
    throw error;
  }
}

/**
 * Clinician: a fresh invitation link for a patient in their own caseload who has not set a password yet
 * (earlier links stop working). Others or patients who already signed up: null.
 */
export async function reissueInvitation(episodeId: string): Promise<InvitationLink | null> {
  const access = await getOwnEpisode(episodeId, 'clinician.patient.reinvite');
  if (!access || access.episode.status !== 'active') return null;
  const db = getDb();
  const [patient] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, access.episode.patientId));
  if (!patient || patient.passwordHash !== null) return null;
  return db.transaction(async (tx) => {
    const invitation = await issueToken(tx, { userId: access.episode.patientId, kind: 'invite', createdBy: access.viewer.userId });
    await recordAudit(tx, { ...auditBase(access), action: 'clinician.patient.reinvite', outcome: 'success', resourceType: 'episode', resourceId: access.episode.id });
    return { path: invitation.path, expiresAt: invitation.expiresAt };
  });
}
