import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Db, Tx } from '@/db/connection';
import { clinics, pushSubscriptions, reminderPreferences, users } from '@/db/schema';
import { requireClinicManager, requireRole } from '@/lib/auth/viewer';
import { DEFAULT_REMINDER_PREFERENCES, REMINDER_KINDS, type ReminderKind, type ReminderPreferences } from '@/lib/reminders/preferences';
import { readUnsubscribeToken } from '@/lib/reminders/unsubscribe-token';
import { recordAudit } from '@/lib/audit/record';
import { recordViewerAction } from './internal/viewer-action';
import { updateOwnClinic } from './internal/own-clinic';

type PreferencesRow = typeof reminderPreferences.$inferSelect;

/** A stored row as preferences; no row: the defaults. */
export function preferencesFromRow(row: PreferencesRow | null | undefined): ReminderPreferences {
  if (!row) return DEFAULT_REMINDER_PREFERENCES;
  return {
    exerciseMinutes: [...row.exerciseMinutes].sort((a, b) => a - b),
    quiet: row.quietStartMinute !== null && row.quietEndMinute !== null ? { start: row.quietStartMinute, end: row.quietEndMinute } : null,
    channels: {
      exercise: { 'in-app': row.exerciseInApp, email: row.exerciseEmail, push: row.exercisePush },
      questionnaire: { 'in-app': row.questionnaireInApp, email: row.questionnaireEmail, push: row.questionnairePush },
      nudge: { 'in-app': row.nudgeInApp, email: row.nudgeEmail, push: row.nudgePush },
    },
  };
}

function rowFromPreferences(preferences: ReminderPreferences): Omit<PreferencesRow, 'userId' | 'updatedAt'> {
  const { channels } = preferences;
  return {
    exerciseMinutes: preferences.exerciseMinutes,
    quietStartMinute: preferences.quiet?.start ?? null,
    quietEndMinute: preferences.quiet?.end ?? null,
    exerciseInApp: channels.exercise['in-app'],
    exerciseEmail: channels.exercise.email,
    exercisePush: channels.exercise.push,
    questionnaireInApp: channels.questionnaire['in-app'],
    questionnaireEmail: channels.questionnaire.email,
    questionnairePush: channels.questionnaire.push,
    nudgeInApp: channels.nudge['in-app'],
    nudgeEmail: channels.nudge.email,
    nudgePush: channels.nudge.push,
  };
}

export type MyReminderSettings = { preferences: ReminderPreferences; timeZone: string; nudgeDays: number; pushDevices: number };

/** Patient: their own reminder preferences (the defaults until they save), zone, the clinic's nudge days and live push devices. Others: AppError('forbidden'). */
export async function getMyReminderSettings(): Promise<MyReminderSettings> {
  const viewer = await requireRole('patient');
  const db = getDb();
  const [[row], [clinic], [devices]] = await Promise.all([
    db.select().from(reminderPreferences).where(eq(reminderPreferences.userId, viewer.userId)),
    db.select({ nudgeDays: clinics.reminderNudgeDays }).from(clinics).where(eq(clinics.id, viewer.clinicId)),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, viewer.userId), isNull(pushSubscriptions.retiredAt))),
  ]);
  return { preferences: preferencesFromRow(row), timeZone: viewer.timeZone, nudgeDays: clinic!.nudgeDays, pushDevices: devices?.count ?? 0 };
}

/** Patient: replaces their reminder preferences (already checked by reminderPreferencesSchema), audited. Others: AppError('forbidden'). */
export async function saveMyReminderPreferences(preferences: ReminderPreferences): Promise<void> {
  const viewer = await requireRole('patient');
  const values = rowFromPreferences(preferences);
  await getDb().transaction(async (tx) => {
    await tx
      .insert(reminderPreferences)
      .values({ userId: viewer.userId, ...values })
      .onConflictDoUpdate({ target: reminderPreferences.userId, set: { ...values, updatedAt: new Date() } });
    await recordViewerAction(tx, viewer, {
      action: 'patient.reminder-preferences.update',
      resourceType: 'user',
      resourceId: viewer.userId,
      detail: { times: preferences.exerciseMinutes.length, quietHours: preferences.quiet !== null },
    });
  });
}

/**
 * Turns off one kind of reminder by email for one person: the one-click unsubscribe (lib/reminders/
 * unsubscribe-token.ts has already checked the signed link; nobody is signed in). Every other choice
 * stays as it was. Idempotent. Audited as the person's own change.
 */
export async function turnOffReminderEmail(executor: Db, userId: string, kind: ReminderKind): Promise<'changed' | 'unchanged' | 'unknown'> {
  if (!REMINDER_KINDS.includes(kind)) return 'unknown';
  return executor.transaction(async (tx: Tx) => {
    const [person] = await tx.select({ clinicId: users.clinicId, role: users.role }).from(users).where(eq(users.id, userId)).for('update');
    if (!person || person.role !== 'patient') return 'unknown';
    const [row] = await tx.select().from(reminderPreferences).where(eq(reminderPreferences.userId, userId));
    const current = preferencesFromRow(row);
    if (!current.channels[kind].email) return 'unchanged';
    const next: ReminderPreferences = { ...current, channels: { ...current.channels, [kind]: { ...current.channels[kind], email: false } } };
    const values = rowFromPreferences(next);
    await tx
      .insert(reminderPreferences)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: reminderPreferences.userId, set: { ...values, updatedAt: new Date() } });
    await recordAudit(tx, {
      action: 'patient.reminder-email.unsubscribe',
      outcome: 'success',
      actorId: userId,
      actorRole: 'patient',
      clinicId: person.clinicId,
      resourceType: 'user',
      resourceId: userId,
      detail: { kind },
    });
    return 'changed';
  });
}

/** Manager: their clinic's nudge setting (days with nothing logged). Others: AppError('forbidden'). */
export async function getNudgeDays(): Promise<number> {
  const viewer = await requireClinicManager();
  const [row] = await getDb().select({ days: clinics.reminderNudgeDays }).from(clinics).where(eq(clinics.id, viewer.clinicId));
  return row!.days;
}

/** Manager: sets their clinic's nudge days (checked by nudgeDaysSchema), audited. Others: AppError('forbidden'). */
export async function setNudgeDays(days: number): Promise<void> {
  const viewer = await requireClinicManager();
  await updateOwnClinic(viewer, 'manager.clinic.nudge-days-update', { reminderNudgeDays: days }, { nudgeDays: days });
}

/**
 * Anyone holding a signed unsubscribe link (no sign-in; the signature is the authority): turns off the
 * kind of reminder email it names for the patient it names. Null when the link is not valid or names
 * someone who is not a patient; nothing changes then.
 */
export async function unsubscribeWithToken(token: string): Promise<{ kind: ReminderKind } | null> {
  const target = readUnsubscribeToken(token);
  if (!target) return null;
  const result = await turnOffReminderEmail(getDb(), target.userId, target.kind);
  return result === 'unknown' ? null : { kind: target.kind };
}
