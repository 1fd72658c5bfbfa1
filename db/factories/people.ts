/**
 * Clinics, people, episodes and signing in. Emails are unique per call so tests never collide, on
 * PGlite or on a shared PostgreSQL server.
 */
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../lib/auth/password';
import { setTestSession } from '../../lib/auth/session-claims';
import { localDay, MS_PER_DAY, personTimeZone } from '../../lib/time';
import type { Db } from '../connection';
import * as t from '../schema';

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence += 1)}${Math.random().toString(36).slice(2, 6)}`;

export const TEST_PASSWORD = 'correct horse battery staple';
/** Test clinics' zone unless a test gives its own; accounts follow their clinic's zone unless given one. */
export const TEST_CLINIC_TIME_ZONE = 'Europe/London';
let testHash: Promise<string> | undefined;

export async function createClinic(db: Db, overrides: Partial<typeof t.clinics.$inferInsert> = {}) {
  const [clinic] = await db
    .insert(t.clinics)
    .values({ name: `Clinic ${unique()}`, timeZone: TEST_CLINIC_TIME_ZONE, country: 'GB', mfaRequiredForManagers: false, ...overrides })
    .returning();
  return clinic!;
}

export async function createUser(
  db: Db,
  clinicId: string,
  role: 'patient' | 'clinician' | 'manager',
  overrides: Partial<typeof t.users.$inferInsert> = {},
) {
  testHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(t.users)
    .values({
      clinicId,
      role,
      email: `${role}-${unique()}@test.example`,
      name: `${role[0]!.toUpperCase()}${role.slice(1)} ${unique()}`,
      passwordHash: await testHash,
      ...overrides,
    })
    .returning();
  return user!;
}

export async function createEpisode(
  db: Db,
  input: { clinicId: string; patientId: string; clinicianId: string } & Partial<typeof t.episodes.$inferInsert>,
) {
  const [episode] = await db
    .insert(t.episodes)
    .values({
      pseudonym: `EP-${unique().toUpperCase().slice(-8)}`,
      startedAt: new Date(Date.now() - 28 * MS_PER_DAY),
      intakeNprs: 6,
      ...input,
    })
    .returning();
  return episode!;
}

/** The zone of the episode's patient (personTimeZone), as the app uses it to store an entry's day. */
export async function patientTimeZone(db: Db, episodeId: string): Promise<string> {
  const [row] = await db
    .select({ own: t.users.timeZone, clinic: t.clinics.timeZone })
    .from(t.episodes)
    .innerJoin(t.users, eq(t.users.id, t.episodes.patientId))
    .innerJoin(t.clinics, eq(t.clinics.id, t.episodes.clinicId))
    .where(eq(t.episodes.id, episodeId));
  if (!row) throw new Error(`No episode ${episodeId}`);
  return personTimeZone(row.own, row.clinic);
}

/** The day `at` falls on for the episode's patient. */
export async function patientDay(db: Db, episodeId: string, at: Date): Promise<string> {
  return localDay(at, await patientTimeZone(db, episodeId));
}

/** A clinic with a clinician, a manager and a patient in active care with that clinician. */
export async function createCareTeam(db: Db) {
  const clinic = await createClinic(db);
  const clinician = await createUser(db, clinic.id, 'clinician');
  const manager = await createUser(db, clinic.id, 'manager');
  const patient = await createUser(db, clinic.id, 'patient');
  const episode = await createEpisode(db, { clinicId: clinic.id, patientId: patient.id, clinicianId: clinician.id });
  return { clinic, clinician, manager, patient, episode };
}

/** Acts as `user` for the DAL: the same database check as a real request, minus the cookie. */
export async function signInAs(db: Db, userId: string | null, options: { signedInAt?: number } = {}) {
  if (!userId) {
    setTestSession(null);
    return;
  }
  const [user] = await db.select({ sessionVersion: t.users.sessionVersion }).from(t.users).where(eq(t.users.id, userId));
  setTestSession(
    { userId, sessionVersion: user!.sessionVersion, signedInAt: options.signedInAt ?? Date.now() },
    '203.0.113.9',
  );
}
