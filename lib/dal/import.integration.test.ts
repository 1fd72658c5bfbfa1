import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createUser, signInAs } from '@/db/factories';
import { auditEvents, episodes, invitationQueue, painEntries, patientImports, tokens, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { getViewer } from '@/lib/auth/viewer';
import { isAppError } from '@/lib/errors';
import { getLinkDetails } from './account-setup';
import { importPatients, issueQueuedInvitation, listQueuedInvitations, writeImport } from './import';
import { parsePatientCsv } from './import-csv';

const db = setupTestDatabase();
const NOW = new Date('2026-12-03T10:00:00Z');
const HEADER = 'name,email,date_of_birth,condition,clinician,baseline_pain,past_pain';
const csv = (...rows: string[]) => new TextEncoder().encode([HEADER, ...rows].join('\n') + '\n');
let counter = 0;
const email = (who: string) => `${who}-${Date.now().toString(36)}-${(counter += 1)}@import.example`;
const forbidden = async (call: () => Promise<unknown>) => isAppError(await call().catch((error: unknown) => error), 'forbidden');

async function clinic() {
  const team = await createCareTeam(db());
  await signInAs(db(), team.manager.id);
  return team;
}

const usersOf = (emails: string[]) => db().select().from(users).where(inArray(users.email, emails));

describe('importPatients', () => {
  it('a dry run lists every row’s errors and writes nothing', async () => {
    const team = await clinic();
    const [a, b, c] = [email('a'), email('b'), email('c')];
    const file = csv(
      `Ann Lee,${a},1980-04-02,Low back pain,${team.clinician.email},6,2026-10-01:7`,
      `Bo Kim,${b},1980-02-30,Low back pain,${team.clinician.email},6,`,
      `Cy Dee,${c},1970-01-01,Low back pain,nobody@elsewhere.example,4,`,
      `Dee Fox,${team.clinician.email},1970-01-01,Low back pain,${team.clinician.email},4,`,
    );
    const report = await importPatients(file, { dryRun: true, now: NOW });
    expect(report.status).toBe('refused');
    expect(report.errors.map((error) => `${error.row}:${error.column}`)).toEqual(['3:date_of_birth', '4:clinician', '5:email']);
    expect(report.errors[1]!.message).toContain('nobody@elsewhere.example');
    expect(await usersOf([a, b, c])).toHaveLength(0);
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'manager.patients.import-check'), eq(auditEvents.actorId, team.manager.id)));
    expect(audit).toMatchObject({ outcome: 'failure', detail: { reason: 'row-errors', rows: 4, rowErrors: 3 } });
  });

  it('lists a row’s format problems and its clinic problems together, in one pass', async () => {
    const team = await clinic();
    const report = await importPatients(csv(`=Ann,${team.clinician.email},1980-02-30,LBP,ghost@clinic.example,6,`), { dryRun: true, now: NOW });
    expect(report.errors.map((error) => error.column)).toEqual(['name', 'email', 'date_of_birth', 'clinician']);
    expect(report.rows).toBe(1);
  });

  it('an email held in another clinic is refused without naming it there, and that clinic hears of the attempt', async () => {
    const other = await createCareTeam(db());
    const team = await clinic();
    const report = await importPatients(csv(`Pat Two,${other.patient.email},1980-04-02,Low back pain,${team.clinician.email},6,`), { dryRun: false, now: NOW });
    expect(report.status).toBe('refused');
    expect(report.errors[0]!.message).not.toMatch(/another clinic|other clinic/i);
    const theirs = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'account.email-reuse-attempt'), eq(auditEvents.clinicId, other.clinic.id)));
    expect(theirs).toMatchObject([{ outcome: 'denied', resourceId: other.patient.id, detail: { attempt: 'patient-import' } }]);
    const ours = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'manager.patients.import'), eq(auditEvents.actorId, team.manager.id), eq(auditEvents.outcome, 'denied')));
    expect(ours).toHaveLength(1);
    expect(JSON.stringify(ours[0]!.detail)).not.toContain(other.patient.email);
  });

  it('a clean dry run says what would happen and still writes nothing', async () => {
    const team = await clinic();
    const a = email('a');
    const report = await importPatients(csv(`Ann Lee,${a},1980-04-02,Low back pain,${team.clinician.email},6,`), { dryRun: true, now: NOW });
    expect(report).toMatchObject({ status: 'checked', errors: [], rows: 1, toCreate: 1, skipped: [] });
    expect(await usersOf([a])).toHaveLength(0);
  });

  it('imports patients with episodes, past pain and queued (unsent) invitations; audited', async () => {
    const team = await clinic();
    const second = await createUser(db(), team.clinic.id, 'clinician');
    const [a, b] = [email('a'), email('b')];
    const report = await importPatients(
      csv(`Ann Lee,${a},1980-04-02,Low back pain,${team.clinician.email},6,2026-10-01:7;2026-09-20:8`, `Bo Kim,${b},1975-01-31,Sciatica,${second.email.toUpperCase()},3,`),
      { dryRun: false, now: NOW },
    );
    expect(report).toMatchObject({ status: 'imported', toCreate: 2, errors: [] });
    const created = await usersOf([a, b]);
    expect(created).toHaveLength(2);
    for (const user of created) expect(user).toMatchObject({ clinicId: team.clinic.id, role: 'patient', passwordHash: null, active: true });
    const ann = created.find((user) => user.email === a)!;
    const [episode] = await db().select().from(episodes).where(eq(episodes.patientId, ann.id));
    expect(episode).toMatchObject({ clinicianId: team.clinician.id, condition: 'Low back pain', intakeNprs: 6, status: 'active' });
    const scores = await db().select().from(painEntries).where(eq(painEntries.episodeId, episode!.id)).orderBy(painEntries.recordedAt);
    expect(scores.map((row) => [row.localDay, row.score])).toEqual([['2026-09-20', 8], ['2026-10-01', 7]]);
    expect(episode!.startedAt.getTime()).toBeLessThan(scores[0]!.recordedAt.getTime());
    const bo = created.find((user) => user.email === b)!;
    expect((await db().select().from(episodes).where(eq(episodes.patientId, bo.id)))[0]!.clinicianId).toBe(second.id);
    // Queued, not sent: no link exists until a manager hands one out.
    expect(await db().select().from(tokens).where(inArray(tokens.userId, [ann.id, bo.id]))).toHaveLength(0);
    const queue = await listQueuedInvitations();
    const annQueued = queue.find((row) => row.email === a)!;
    expect(annQueued).toMatchObject({ name: 'Ann Lee', issuedAt: null });
    const link = await issueQueuedInvitation(annQueued.id, NOW);
    expect(link?.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{40,}$/);
    expect(await getLinkDetails(link!.path.split('/').at(-1)!, 'invite')).toMatchObject({ name: 'Ann Lee', email: a });
    expect((await listQueuedInvitations()).find((row) => row.email === a)!.issuedAt).toEqual(NOW);
    const trail = await db().select().from(auditEvents).where(eq(auditEvents.actorId, team.manager.id));
    expect(trail.filter((row) => row.action === 'manager.patient.import').map((row) => row.patientId).sort()).toEqual([ann.id, bo.id].sort());
    expect(trail.find((row) => row.action === 'manager.patients.import')).toMatchObject({ outcome: 'success', detail: { rows: 2, created: 2, skipped: 0 } });
    expect(trail.some((row) => row.action === 'manager.patient.invite-issue' && row.patientId === ann.id)).toBe(true);
    expect(JSON.stringify(trail)).not.toContain('Ann Lee');
  });

  it('re-importing the same file adds nobody twice', async () => {
    const team = await clinic();
    const [a, b] = [email('a'), email('b')];
    const file = csv(`Ann Lee,${a},1980-04-02,Low back pain,${team.clinician.email},6,2026-10-01:7`, `Bo Kim,${b},1975-01-31,Sciatica,${team.clinician.email},3,`);
    expect(await importPatients(file, { dryRun: false, now: NOW })).toMatchObject({ status: 'imported', toCreate: 2 });
    const again = await importPatients(file, { dryRun: true, now: NOW });
    expect(again).toMatchObject({ status: 'checked', toCreate: 0, skipped: [{ row: 2, name: 'Ann Lee' }, { row: 3, name: 'Bo Kim' }] });
    expect(again.previousImportAt).toEqual(NOW);
    expect(await importPatients(file, { dryRun: false, now: NOW })).toMatchObject({ status: 'imported', toCreate: 0 });
    const created = await usersOf([a, b]);
    expect(created).toHaveLength(2);
    const episodeRows = await db().select().from(episodes).where(inArray(episodes.patientId, created.map((user) => user.id)));
    expect(episodeRows).toHaveLength(2);
    expect(await db().select().from(painEntries).where(inArray(painEntries.episodeId, episodeRows.map((row) => row.id)))).toHaveLength(1);
    expect(await db().select().from(invitationQueue).where(inArray(invitationQueue.userId, created.map((user) => user.id)))).toHaveLength(2);
    // A file that adds one new row to the old ones imports just that row.
    const c = email('c');
    const grown = csv(`Ann Lee,${a},1980-04-02,Low back pain,${team.clinician.email},6,2026-10-01:7`, `Cy Dee,${c},1990-01-01,Low back pain,${team.clinician.email},2,`);
    expect(await importPatients(grown, { dryRun: false, now: NOW })).toMatchObject({ status: 'imported', toCreate: 1, skipped: [{ row: 2, name: 'Ann Lee' }] });
    expect(await usersOf([a, b, c])).toHaveLength(3);
  });

  it('is all or nothing: a row with an error refuses the whole file', async () => {
    const team = await clinic();
    const [a, b] = [email('a'), email('b')];
    const report = await importPatients(csv(`Ann Lee,${a},1980-04-02,Low back pain,${team.clinician.email},6,`, `Bo Kim,${b},1975-01-31,Sciatica,${team.clinician.email},12,`), { dryRun: false, now: NOW });
    expect(report).toMatchObject({ status: 'refused', errors: [{ row: 3, column: 'baseline_pain' }] });
    expect(await usersOf([a, b])).toHaveLength(0);
    expect(await db().select().from(patientImports).where(eq(patientImports.clinicId, team.clinic.id))).toHaveLength(0);
  });

  it('is all or nothing in the database too: a late row the database refuses takes the earlier rows with it', async () => {
    const team = await clinic();
    const viewer = (await getViewer())!;
    const rows = [email('a'), email('b'), email('c')].map((address, index) => ({
      row: index + 2,
      name: `Patient ${index}`,
      email: address,
      dateOfBirth: '1980-01-01',
      condition: 'Low back pain',
      clinicianEmail: team.clinician.email,
      clinicianId: team.clinician.id,
      baselinePain: 5,
      pastPain: [{ day: '2026-11-01', score: 4 }],
    }));
    // Past the zod checks, the database's own CHECK refuses a pain score of 11 on the last row.
    rows[2]!.pastPain = [{ day: '2026-11-01', score: 11 }];
    await expect(
      db().transaction((tx) => writeImport(tx, viewer, rows, { sha256: 'x'.repeat(64), rows: 3, skipped: 0, timeZone: 'Europe/London', now: NOW })),
    ).rejects.toThrow();
    expect(await usersOf(rows.map((row) => row.email))).toHaveLength(0);
    expect(await db().select().from(patientImports).where(eq(patientImports.clinicId, team.clinic.id))).toHaveLength(0);
  });

  it.each([
    ['a formula', (clinician: string, address: string) => csv(`=cmd|' /C calc'!A0,${address},1980-04-02,LBP,${clinician},6,`), /formula/],
    ['a wrong date', (clinician: string, address: string) => csv(`Ann,${address},02/04/1980,LBP,${clinician},6,`), /not a real date/],
    ['an unknown clinician', (_clinician: string, address: string) => csv(`Ann,${address},1980-04-02,LBP,ghost@clinic.example,6,`), /No active clinician/],
  ])('refuses a row with %s, changing nothing', async (_label, build, message) => {
    const team = await clinic();
    const good = email('good');
    const bad = email('bad');
    const file = new Uint8Array([...csv(`Good Row,${good},1980-04-02,LBP,${team.clinician.email},6,`), ...build(team.clinician.email, bad).slice(HEADER.length + 1)]);
    const report = await importPatients(file, { dryRun: false, now: NOW });
    expect(report.status).toBe('refused');
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.row).toBe(3);
    expect(report.errors[0]!.message).toMatch(message);
    expect(await usersOf([good, bad])).toHaveLength(0);
  });

  it('refuses a malformed or too-large file with a clear message, changing nothing', async () => {
    const team = await clinic();
    const a = email('a');
    const malformed = await importPatients(csv(`"Ann Lee,${a},1980-04-02,LBP,${team.clinician.email},6,`), { dryRun: false, now: NOW });
    expect(malformed).toMatchObject({ status: 'refused', fileError: expect.stringMatching(/not valid CSV/) });
    const large = await importPatients(new Uint8Array(600 * 1024).fill(65), { dryRun: false, now: NOW });
    expect(large).toMatchObject({ status: 'refused', fileError: expect.stringMatching(/too large/) });
    expect(await usersOf([a])).toHaveLength(0);
    const refusals = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'manager.patients.import'), eq(auditEvents.actorId, team.manager.id)));
    expect(refusals.map((row) => (row.detail as { reason: string }).reason).sort()).toEqual(['malformed', 'too-large']);
  });

  it('cannot be used by clinicians or patients; another clinic’s manager cannot hand out this clinic’s invitations', async () => {
    const team = await clinic();
    const a = email('a');
    const file = csv(`Ann Lee,${a},1980-04-02,Low back pain,${team.clinician.email},6,`);
    await importPatients(file, { dryRun: false, now: NOW });
    const [queued] = await db().select().from(invitationQueue).innerJoin(users, eq(users.id, invitationQueue.userId)).where(eq(users.email, a));
    for (const user of [team.clinician, team.patient]) {
      await signInAs(db(), user.id);
      expect(await forbidden(() => importPatients(file, { dryRun: true }))).toBe(true);
      expect(await forbidden(listQueuedInvitations)).toBe(true);
      expect(await forbidden(() => issueQueuedInvitation(queued!.invitation_queue.id))).toBe(true);
    }
    const other = await createCareTeam(db());
    await signInAs(db(), other.manager.id);
    expect(await issueQueuedInvitation(queued!.invitation_queue.id)).toBeNull();
    expect((await listQueuedInvitations()).some((row) => row.email === a)).toBe(false);
    // Importing the same file into another clinic: the clinician is not theirs, the email is taken.
    const report = await importPatients(file, { dryRun: false, now: NOW });
    expect(report.errors.map((error) => error.column).sort()).toEqual(['clinician', 'email']);
    expect(await db().select().from(tokens).where(eq(tokens.userId, queued!.users.id))).toHaveLength(0);
  });

  it('parses the same bytes the same way (the file hash recognises a re-upload)', () => {
    const file = csv('Ann,ann@example.org,1980-04-02,LBP,c@clinic.example,6,');
    const [first, second] = [parsePatientCsv(file, '2026-12-03'), parsePatientCsv(file, '2026-12-03')];
    expect(first.ok && second.ok && first.sha256 === second.sha256).toBe(true);
  });
});
