import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '@/db/client';
import { clinics, episodes, invitationQueue, painEntries, patientImports, users } from '@/db/schema';
import { auditActor, requireClinicManager, type Viewer } from '@/lib/auth/viewer';
import { localDay, zonedTimeToUtc } from '@/lib/time';
import { reportEmailInUse } from './internal/email-in-use';
import { recordAudit } from '@/lib/audit/record';
import { isUuid } from '@/lib/validation/ids';
import { COLUMN_ORDER, parsePatientCsv, type ImportRow, type RowError, type RowReference } from './import-csv';
import { recordViewerAction } from './internal/viewer-action';
import { newPseudonym } from './onboarding';
import { issueToken } from './internal/tokens';

export type ImportReport = {
  status: 'refused' | 'checked' | 'imported';
  /** A problem with the file as a whole (size, encoding, CSV syntax, columns): nothing else was checked. */
  fileError: string | null;
  /** Every row's problems, in row order. */
  errors: RowError[];
  rows: number;
  /** Patients the import adds (or, after a dry run, would add). */
  toCreate: number;
  /** Rows whose email already belongs to a patient of this clinic: left as they are, so a re-import adds nothing. */
  skipped: { row: number; name: string }[];
  /** When this very file (same bytes) was imported before, if it was. */
  previousImportAt: Date | null;
};

const CHUNK = 500;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, index) => items.slice(index * CHUNK, (index + 1) * CHUNK));

type Checked = {
  errors: RowError[];
  create: (ImportRow & { clinicianId: string })[];
  skipped: { row: number; name: string }[];
  previousImportAt: Date | null;
  /** Emails that belong to an account other than a patient of this clinic. */
  inUse: string[];
};

/** The checks that need the clinic's data: the clinician exists here, the email is free or already this clinic's patient. */
async function checkAgainstClinic(executor: Db | Tx, viewer: Viewer, rows: ImportRow[], references: RowReference[], sha256: string): Promise<Checked> {
  const clinicians = await executor
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.clinicId, viewer.clinicId), eq(users.role, 'clinician'), eq(users.active, true)));
  const clinicianByEmail = new Map(clinicians.map((row) => [row.email, row.id]));
  const existing = new Map<string, { clinicId: string; role: string }>();
  const emails = [...rows.map((row) => row.email), ...references.flatMap((row) => (row.email ? [row.email] : []))];
  for (const part of chunks(emails)) {
    const found = await executor.select({ email: users.email, clinicId: users.clinicId, role: users.role }).from(users).where(inArray(users.email, part));
    for (const row of found) existing.set(row.email, row);
  }
  const [previous] = await executor
    .select({ at: patientImports.createdAt })
    .from(patientImports)
    .where(and(eq(patientImports.clinicId, viewer.clinicId), eq(patientImports.fileSha256, sha256)))
    .orderBy(desc(patientImports.createdAt))
    .limit(1);
  const errors: RowError[] = [];
  const create: Checked['create'] = [];
  const skipped: Checked['skipped'] = [];
  const inUse: string[] = [];
  for (const row of rows) {
    const clinicianId = clinicianByEmail.get(row.clinicianEmail);
    const owner = existing.get(row.email);
    if (owner && owner.clinicId === viewer.clinicId && owner.role === 'patient') {
      skipped.push({ row: row.row, name: row.name });
      continue;
    }
    if (owner) {
      errors.push({ row: row.row, column: 'email', message: 'This email is already used by another Uplift account (not a patient of this clinic).' });
      inUse.push(row.email);
    }
    if (!clinicianId) errors.push({ row: row.row, column: 'clinician', message: `No active clinician of this clinic has the email ${row.clinicianEmail}.` });
    if (!owner && clinicianId) create.push({ ...row, clinicianId });
  }
  for (const reference of references) {
    const owner = reference.email ? existing.get(reference.email) : undefined;
    if (owner && !(owner.clinicId === viewer.clinicId && owner.role === 'patient')) {
      errors.push({ row: reference.row, column: 'email', message: 'This email is already used by another Uplift account (not a patient of this clinic).' });
      inUse.push(reference.email!);
    }
    if (reference.clinicianEmail && !clinicianByEmail.has(reference.clinicianEmail)) {
      errors.push({ row: reference.row, column: 'clinician', message: `No active clinician of this clinic has the email ${reference.clinicianEmail}.` });
    }
  }
  return { errors, create, skipped, previousImportAt: previous?.at ?? null, inUse: [...new Set(inUse)] };
}

/**
 * Manager: checks (dryRun) or imports a CSV of patients from a previous system into their own clinic.
 * All or nothing: any problem in the file or in any row refuses the whole import, lists every
 * problem, and writes nothing but the audit row. An import runs in one transaction, one at a time per
 * clinic, and creates per new patient an account without a password, an episode with the assigned
 * clinician, the past pain scores and a queued invitation (nothing is sent). Rows whose email is
 * already a patient of this clinic are skipped, so importing the same file twice adds nobody twice.
 * Others: AppError('forbidden').
 */
export async function importPatients(bytes: Uint8Array, options: { dryRun: boolean; now?: Date }): Promise<ImportReport> {
  const viewer = await requireClinicManager();
  const now = options.now ?? new Date();
  const db = getDb();
  const [clinic] = await db.select({ timeZone: clinics.timeZone }).from(clinics).where(eq(clinics.id, viewer.clinicId));
  const timeZone = clinic!.timeZone;
  const parsed = parsePatientCsv(bytes, localDay(now, timeZone));
  const action = options.dryRun ? 'manager.patients.import-check' : 'manager.patients.import';
  const refuse = async (report: ImportReport, reason: string) => {
    await recordAudit(db, {
      action,
      outcome: 'failure',
      ...auditActor(viewer),
      resourceType: 'clinic',
      resourceId: viewer.clinicId,
      detail: { reason, rows: report.rows, rowErrors: report.errors.length },
    });
    return report;
  };
  const empty = { errors: [], rows: 0, toCreate: 0, skipped: [], previousImportAt: null };
  if (!parsed.ok) return refuse({ status: 'refused', fileError: parsed.message, ...empty }, parsed.reason);

  if (options.dryRun) {
    const checked = await checkAgainstClinic(db, viewer, parsed.rows, parsed.references, parsed.sha256);
    const report = reportOf(parsed.rows.length + parsed.references.length, parsed.errors, checked);
    if (report.errors.length > 0) return refuse({ ...report, status: 'refused' }, 'row-errors');
    await recordViewerAction(db, viewer, { action, resourceType: 'clinic', resourceId: viewer.clinicId, detail: { rows: report.rows, toCreate: report.toCreate, skipped: report.skipped.length } });
    return { ...report, status: 'checked' };
  }

  const outcome = await db.transaction(async (tx) => {
    // One import at a time per clinic: two uploads of the same file cannot both see its emails as free.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`patient-import:${viewer.clinicId}`}))`);
    const checked = await checkAgainstClinic(tx, viewer, parsed.rows, parsed.references, parsed.sha256);
    const report = reportOf(parsed.rows.length + parsed.references.length, parsed.errors, checked);
    if (report.errors.length > 0) return { ...report, status: 'refused' as const, inUse: checked.inUse };
    await writeImport(tx, viewer, checked.create, { sha256: parsed.sha256, rows: report.rows, skipped: report.skipped.length, timeZone, now });
    return { ...report, status: 'imported' as const };
  });
  if (outcome.status === 'refused') {
    // As at onboarding: the answer does not say which clinic holds the address; its owner is told and the attempt audited.
    const { inUse, ...report } = outcome;
    for (const email of inUse) await reportEmailInUse(viewer, email, 'patient-import');
    return refuse(report, 'row-errors');
  }
  return outcome;
}

function reportOf(rows: number, fileRowErrors: RowError[], checked: Checked): Omit<ImportReport, 'status'> {
  const errors = [...fileRowErrors, ...checked.errors].sort((a, b) => a.row - b.row || COLUMN_ORDER.indexOf(a.column!) - COLUMN_ORDER.indexOf(b.column!));
  return { fileError: null, errors, rows, toCreate: checked.create.length, skipped: checked.skipped, previousImportAt: checked.previousImportAt };
}

/**
 * Inserts the checked rows inside the caller's transaction. Exported for the all-or-nothing test, which
 * makes a late row fail in the database and checks that no earlier row stayed.
 */
export async function writeImport(
  tx: Tx,
  viewer: Viewer,
  create: (ImportRow & { clinicianId: string })[],
  meta: { sha256: string; rows: number; skipped: number; timeZone: string; now: Date },
): Promise<void> {
  const { now, timeZone } = meta;
  const [record] = await tx
    .insert(patientImports)
    .values({ clinicId: viewer.clinicId, importedBy: viewer.userId, fileSha256: meta.sha256, rowCount: meta.rows, createdCount: create.length, skippedCount: meta.skipped, createdAt: now })
    .returning({ id: patientImports.id });
  // Past scores are dated days: each is placed at noon in the clinic's time zone, never after now.
  const at = (day: string) => new Date(Math.min(zonedTimeToUtc(day, 12, 0, timeZone).getTime(), now.getTime()));
  for (const part of chunks(create)) {
    const patients = await tx
      .insert(users)
      .values(part.map((row) => ({ clinicId: viewer.clinicId, email: row.email, name: row.name, role: 'patient' as const, passwordHash: null, dateOfBirth: row.dateOfBirth, timeZone })))
      .returning({ id: users.id, email: users.email });
    const idByEmail = new Map(patients.map((row) => [row.email, row.id]));
    const created = await tx
      .insert(episodes)
      .values(
        part.map((row) => ({
          clinicId: viewer.clinicId,
          patientId: idByEmail.get(row.email)!,
          clinicianId: row.clinicianId,
          pseudonym: newPseudonym(),
          condition: row.condition,
          // The care began no later than the first score the previous system recorded.
          startedAt: row.pastPain.length > 0 ? new Date(Math.min(at(row.pastPain[0]!.day).getTime() - 3_600_000, now.getTime())) : now,
          intakeNprs: row.baselinePain,
        })),
      )
      .returning({ id: episodes.id, patientId: episodes.patientId });
    const episodeByPatient = new Map(created.map((row) => [row.patientId, row.id]));
    const scores = part.flatMap((row) =>
      row.pastPain.map((entry) => ({ episodeId: episodeByPatient.get(idByEmail.get(row.email)!)!, score: entry.score, recordedAt: at(entry.day), localDay: entry.day, submissionId: randomUUID() })),
    );
    for (const batch of chunks(scores)) await tx.insert(painEntries).values(batch);
    await tx.insert(invitationQueue).values(patients.map((row) => ({ clinicId: viewer.clinicId, userId: row.id, importId: record!.id, queuedAt: now })));
    for (const row of part) {
      const patientId = idByEmail.get(row.email)!;
      await recordViewerAction(tx, viewer, { action: 'manager.patient.import', patientId, resourceType: 'episode', resourceId: episodeByPatient.get(patientId)!, detail: { importId: record!.id, pastPainScores: row.pastPain.length } });
    }
  }
  await recordViewerAction(tx, viewer, {
    action: 'manager.patients.import',
    resourceType: 'patient-import',
    resourceId: record!.id,
    detail: { rows: meta.rows, created: create.length, skipped: meta.skipped, fileSha256: meta.sha256 },
  });
}

export type QueuedInvitation = { id: string; name: string; email: string; queuedAt: Date; issuedAt: Date | null };

/** Manager: invitations queued for their clinic's patients, waiting first, then the last handed out. Others: AppError('forbidden'). */
export async function listQueuedInvitations(): Promise<QueuedInvitation[]> {
  const viewer = await requireClinicManager();
  const rows = await getDb()
    .select({ id: invitationQueue.id, name: users.name, email: users.email, queuedAt: invitationQueue.queuedAt, issuedAt: invitationQueue.issuedAt })
    .from(invitationQueue)
    .innerJoin(users, eq(users.id, invitationQueue.userId))
    .where(and(eq(invitationQueue.clinicId, viewer.clinicId), eq(users.active, true), isNull(users.passwordHash)))
    .orderBy(sql`${invitationQueue.issuedAt} is not null`, asc(invitationQueue.queuedAt), asc(users.name))
    .limit(500);
  await recordViewerAction(getDb(), viewer, { action: 'manager.patient.invitations-list', resourceType: 'clinic', resourceId: viewer.clinicId, detail: { rows: rows.length } });
  return rows;
}

export type IssuedInvitation = { path: string; expiresAt: Date; name: string; email: string };

/**
 * Manager: hands out a queued invitation of their own clinic: a one-time link (7 days; earlier links
 * of the patient stop working), shown once to copy and send. A patient who has since set a password,
 * a closed account or another clinic's invitation: null.
 */
export async function issueQueuedInvitation(queueId: string, now = new Date()): Promise<IssuedInvitation | null> {
  const viewer = await requireClinicManager();
  if (!isUuid(queueId)) return null;
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(invitationQueue)
      .innerJoin(users, eq(users.id, invitationQueue.userId))
      .where(and(eq(invitationQueue.id, queueId), eq(invitationQueue.clinicId, viewer.clinicId), eq(users.active, true), isNull(users.passwordHash)))
      .for('update', { of: invitationQueue });
    if (!row) return null;
    const link = await issueToken(tx, { userId: row.userId, kind: 'invite', createdBy: viewer.userId, now });
    await tx.update(invitationQueue).set({ issuedAt: now, issuedBy: viewer.userId }).where(eq(invitationQueue.id, queueId));
    await recordViewerAction(tx, viewer, { action: 'manager.patient.invite-issue', patientId: row.userId, resourceType: 'user', resourceId: row.userId });
    return { path: link.path, expiresAt: link.expiresAt, name: row.name, email: row.email };
  });
}
