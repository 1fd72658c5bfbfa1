import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Db, Tx } from '@/db/connection';
import { executeRows } from '@/db/rows';
import { clinics, episodes, messageReads, messages, messageThreads, users } from '@/db/schema';
import { canReadEpisode, type EpisodeFacts } from '@/lib/auth/policy';
import { recordDenied, requireClinicManager, requireRole, type Viewer } from '@/lib/auth/viewer';
import { redFlagMentions } from '@/lib/clinical/red-flag-mentions';
import { describeReplyTime } from '@/lib/messages/limits';
import { notify } from '@/lib/notifications/notify';
import { MESSAGE_NOTIFICATION_KIND, newMessageTitle, newPatientMessageTitle } from '@/lib/notifications/titles';
import { messageBody } from '@/lib/validation/messages';
import { recordAudit } from '@/lib/audit/record';
import { recordViewerAction } from './internal/viewer-action';
import { updateOwnClinic } from './internal/own-clinic';
import { auditBase, getOwnEpisode, loadEpisodeHeading, responsibleClinicianIn, type EpisodeHeading } from './internal/clinician-access';
import { isUuid } from '@/lib/validation/ids';
import { getPatientContext, recordOwnRead } from './internal/patient-episode';
import { episodeFactsColumns, type EpisodeFactsWithId } from './internal/episodes';

/**
 * Secure messages between a patient and their care team (docs/CLINICAL.md, "Messages"). The care team of
 * an episode is its clinician, or while they are away the colleague covering for them
 * (isResponsibleClinician, the same rule as the record). One thread per episode; every read by staff is
 * audited with the patient's id, as a record read is.
 */

export type MessageKind = 'message' | 'visit-request';

export type MessageView = {
  id: string;
  body: string;
  kind: MessageKind;
  createdAt: Date;
  authorName: string;
  /** Who wrote it: the patient, or a clinician of the care team. */
  fromPatient: boolean;
  /** Written by the person viewing the thread. */
  mine: boolean;
};

export type MessageSettings = {
  /** Working days within which the care team answers (clinic setting). */
  replyWorkingDays: number;
  /** "within 2 working days". */
  replyTime: string;
  readOnlyAfterDischarge: boolean;
};

export type CareTeam = {
  clinician: { id: string; name: string };
  /** While the clinician is away: the colleague who reads and answers their messages. */
  cover: { id: string; name: string } | null;
};

export type PatientThread = {
  episodeId: string;
  status: 'active' | 'discharged';
  clinicName: string;
  careTeam: CareTeam;
  settings: MessageSettings;
  /** After discharge, when the clinic's setting says so: readable, not writable. */
  readOnly: boolean;
  messages: MessageView[];
  /** How many of these messages were unread until this view. */
  newlyRead: number;
};

export type SendOutcome =
  | { outcome: 'sent' | 'duplicate'; messageId: string | null; redFlagKeys: string[] }
  | { outcome: 'outside-care-team' | 'read-only' | 'invalid'; message: string };

/** What each refusal says next to the message field, in plain words. */
export const MESSAGE_REFUSALS = {
  patientOutside: 'You can only send messages to your own care team at the clinic. Nothing was sent.',
  patientNoCare: 'You can send messages once your physio has set up your care. Nothing was sent.',
  patientReadOnly: 'Your care with the clinic has ended, so new messages can’t be sent here. Nothing was sent. If you are worried, contact your GP.',
  clinicianOutside: 'This patient is not in your care, so you cannot message them. Nothing was sent.',
  clinicianReadOnly: 'This episode is discharged and the clinic keeps its messages read-only. Nothing was sent.',
} as const;

type ThreadFacts = EpisodeFactsWithId & {
  readOnlyAfterDischarge: boolean;
  replyWorkingDays: number;
  clinicName: string;
};

// Unscoped lookup: callers apply canReadEpisode or getOwnEpisode before using it.
async function loadThreadFacts(executor: Db | Tx, episodeId: string): Promise<ThreadFacts | null> {
  const [row] = await executor
    .select({
      ...episodeFactsColumns,
      readOnlyAfterDischarge: clinics.messagesReadOnlyAfterDischarge,
      replyWorkingDays: clinics.messageReplyWorkingDays,
      clinicName: clinics.name,
    })
    .from(episodes)
    .innerJoin(users, eq(users.id, episodes.clinicianId))
    .innerJoin(clinics, eq(clinics.id, episodes.clinicId))
    .where(eq(episodes.id, episodeId))
    .limit(1);
  return row ?? null;
}

const isReadOnly = (facts: { status: 'active' | 'discharged'; readOnlyAfterDischarge: boolean }) =>
  facts.status === 'discharged' && facts.readOnlyAfterDischarge;

// Unscoped by design: the caller has already decided the viewer may read this episode.
async function loadMessages(episodeId: string, viewerId: string): Promise<MessageView[]> {
  const rows = await getDb()
    .select({
      id: messages.id,
      body: messages.body,
      kind: messages.kind,
      createdAt: messages.createdAt,
      authorId: messages.authorId,
      authorName: users.name,
      authorRole: messages.authorRole,
    })
    .from(messages)
    .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(eq(messageThreads.episodeId, episodeId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.map(({ authorId, authorRole, ...row }) => ({ ...row, fromPatient: authorRole === 'patient', mine: authorId === viewerId }));
}

/**
 * Marks the thread read for the viewer up to the newest message they were shown, and answers how many of
 * the messages shown were unread for them (the navigation's count then needs a refresh). The time is
 * copied in SQL from that message, at the database's precision: a JavaScript date would cut it to
 * milliseconds and leave the message counted as unread. A message that arrived after the page was read
 * stays unread.
 */
async function markReadUpTo(viewer: Viewer, lastShownId: string | undefined): Promise<number> {
  if (!lastShownId) return 0;
  const db = getDb();
  const counted = viewer.role === 'patient' ? sql`m.author_id <> ${viewer.userId}` : sql`m.author_role = 'patient'`;
  const [row] = await executeRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${messages} m
        join ${messages} last on last.id = ${lastShownId} and last.thread_id = m.thread_id
        left join ${messageReads} r on r.thread_id = m.thread_id and r.user_id = ${viewer.userId}
        where m.created_at <= last.created_at and ${counted} and (r.last_read_at is null or m.created_at > r.last_read_at)`,
  );
  await db.execute(sql`insert into ${messageReads} (thread_id, user_id, last_read_at)
    select m.thread_id, ${viewer.userId}, m.created_at from ${messages} m where m.id = ${lastShownId}
    on conflict (thread_id, user_id) do update set last_read_at = greatest(${messageReads.lastReadAt}, excluded.last_read_at)`);
  return row?.n ?? 0;
}

async function careTeamOf(facts: EpisodeFacts): Promise<CareTeam> {
  const ids = [facts.clinicianId, facts.coverClinicianId].filter((id): id is string => Boolean(id));
  const rows = await getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(sql`${users.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  const name = (id: string) => rows.find((row) => row.id === id)?.name ?? '';
  return {
    clinician: { id: facts.clinicianId, name: name(facts.clinicianId) },
    cover: facts.coverClinicianId ? { id: facts.coverClinicianId, name: name(facts.coverClinicianId) } : null,
  };
}

const settingsOf = (facts: ThreadFacts): MessageSettings => ({
  replyWorkingDays: facts.replyWorkingDays,
  replyTime: describeReplyTime(facts.replyWorkingDays),
  readOnlyAfterDischarge: facts.readOnlyAfterDischarge,
});

/**
 * Patient: the thread with the care team of their current episode (the active one, else the latest),
 * marked read up to its newest message, with the clinic's reply time and whether it is read-only. The
 * read is recorded as their own. A patient with no episode: null. Others: AppError('forbidden').
 */
export async function getPatientThread(): Promise<PatientThread | null> {
  const { viewer, episode } = await getPatientContext();
  if (!episode) return null;
  const facts = await loadThreadFacts(getDb(), episode.id);
  if (!facts || !canReadEpisode(viewer, facts)) return null;
  const [thread, careTeam] = await Promise.all([loadMessages(facts.id, viewer.userId), careTeamOf(facts)]);
  const newlyRead = await markReadUpTo(viewer, thread.at(-1)?.id);
  await recordOwnRead(viewer, 'patient.messages.read', { type: 'episode', id: facts.id });
  return {
    episodeId: facts.id,
    status: facts.status,
    clinicName: facts.clinicName,
    careTeam,
    settings: settingsOf(facts),
    readOnly: isReadOnly(facts),
    messages: thread,
    newlyRead,
  };
}

type NewMessage = { submissionId: string; body: string; kind?: MessageKind };

/**
 * Appends a message to the episode's thread, creating the thread on its first message, in one
 * transaction with its audit row and the other side's notification (which names the clinic, never the
 * patient or the text). Unchecked: callers have applied the care-team rule. A submission id seen before
 * stores nothing ('duplicate').
 */
async function appendMessage(
  viewer: Viewer,
  facts: ThreadFacts,
  input: NewMessage & { body: string },
  action: string,
): Promise<{ outcome: 'sent' | 'duplicate'; messageId: string | null }> {
  return getDb().transaction(async (tx) => {
    await tx
      .insert(messageThreads)
      .values({ clinicId: facts.clinicId, episodeId: facts.id, patientId: facts.patientId })
      .onConflictDoNothing({ target: messageThreads.episodeId });
    // Locked so two messages sent at once keep last_message_at at the later one.
    const [thread] = await tx.select({ id: messageThreads.id }).from(messageThreads).where(eq(messageThreads.episodeId, facts.id)).for('update');
    const [row] = await tx
      .insert(messages)
      .values({
        threadId: thread!.id,
        authorId: viewer.userId,
        authorRole: viewer.role === 'patient' ? 'patient' : 'clinician',
        kind: input.kind ?? 'message',
        body: input.body,
        submissionId: input.submissionId,
      })
      .onConflictDoNothing({ target: messages.submissionId })
      .returning({ id: messages.id, createdAt: messages.createdAt });
    // A repeated submission (double tap, a retried request): the first one stands.
    if (!row) return { outcome: 'duplicate' as const, messageId: null };
    await tx
      .update(messageThreads)
      .set({ lastMessageAt: sql`greatest(${messageThreads.lastMessageAt}, ${row.createdAt.toISOString()}::timestamptz)` })
      .where(eq(messageThreads.id, thread!.id));
    // Ids and length only: the text of a message never goes into the audit trail.
    await recordViewerAction(tx, viewer, {
      action,
      patientId: facts.patientId,
      resourceType: 'message',
      resourceId: row.id,
      detail: { episodeId: facts.id, kind: input.kind ?? 'message', characters: [...input.body].length },
    });
    // To the patient; or to the clinician, whom notify() replaces with their cover while they are away.
    const fromPatient = viewer.role === 'patient';
    await notify(tx, {
      userId: fromPatient ? facts.clinicianId : facts.patientId,
      kind: MESSAGE_NOTIFICATION_KIND,
      title: fromPatient ? newPatientMessageTitle(facts.clinicName) : newMessageTitle(facts.clinicName),
      href: fromPatient ? '/clinician/messages' : '/patient/messages',
      dedupeKey: `message:${row.id}`,
      channels: ['email', 'push'],
      redirectWhenAway: fromPatient,
    });
    return { outcome: 'sent' as const, messageId: row.id };
  });
}

function checkedBody(body: unknown): { ok: true; body: string } | { ok: false; message: string } {
  const parsed = messageBody.safeParse(body);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, message: parsed.error.issues[0]!.message };
}

/**
 * Patient: sends a message (or, with kind 'visit-request', a request to move a visit) to the care team of
 * `episodeId`, which must be their own episode; read-only after discharge when the clinic says so. The
 * answer lists the red-flag questions the text mentions, so the page can offer the safety questions.
 * Another person's episode or an unknown id: 'outside-care-team' (refusal audited), nothing stored.
 * Empty or over-long text: 'invalid'. Others: AppError('forbidden').
 */
export async function sendPatientMessage(episodeId: unknown, input: NewMessage): Promise<SendOutcome> {
  const viewer = await requireRole('patient');
  const facts = isUuid(episodeId) ? await loadThreadFacts(getDb(), episodeId) : null;
  if (!facts || !canReadEpisode(viewer, facts)) {
    await recordDenied(viewer, 'patient.message.send', { type: 'episode', id: isUuid(episodeId) ? episodeId : 'invalid' });
    return { outcome: 'outside-care-team', message: MESSAGE_REFUSALS.patientOutside };
  }
  if (isReadOnly(facts)) return { outcome: 'read-only', message: MESSAGE_REFUSALS.patientReadOnly };
  const body = checkedBody(input.body);
  if (!body.ok) return { outcome: 'invalid', message: body.message };
  const sent = await appendMessage(viewer, facts, { ...input, body: body.body }, input.kind === 'visit-request' ? 'patient.visit-request.send' : 'patient.message.send');
  return { ...sent, redFlagKeys: redFlagMentions(body.body) };
}

export type ClinicianThread = {
  heading: EpisodeHeading;
  careTeam: CareTeam;
  settings: MessageSettings;
  readOnly: boolean;
  messages: MessageView[];
  /** How many of the patient's messages were unread for this clinician until this view. */
  newlyRead: number;
};

/**
 * Clinician: the thread of an episode they are responsible for (their own, or covered while its
 * clinician is away), marked read for them up to its newest message, with one audit row per view.
 * Anyone else or an unknown id: null (refusal audited). Other roles: AppError('forbidden').
 */
export async function getClinicianThread(episodeId: string): Promise<ClinicianThread | null> {
  const access = await getOwnEpisode(episodeId, 'clinician.messages.read');
  if (!access) return null;
  const facts = (await loadThreadFacts(getDb(), access.episode.id))!;
  const [thread, careTeam, heading] = await Promise.all([
    loadMessages(facts.id, access.viewer.userId),
    careTeamOf(facts),
    loadEpisodeHeading(access),
  ]);
  const newlyRead = await markReadUpTo(access.viewer, thread.at(-1)?.id);
  await recordAudit(getDb(), {
    ...auditBase(access),
    action: 'clinician.messages.read',
    outcome: 'success',
    resourceType: 'episode',
    resourceId: facts.id,
    detail: { messages: thread.length },
  });
  return { heading, careTeam, settings: settingsOf(facts), readOnly: isReadOnly(facts), messages: thread, newlyRead };
}

/**
 * Clinician: replies to (or starts) the thread of an episode they are responsible for; read-only after
 * discharge when the clinic says so. Anyone else's patient or an unknown id: 'outside-care-team'
 * (refusal audited), nothing stored. Empty or over-long text: 'invalid'. Other roles: AppError('forbidden').
 */
export async function sendClinicianMessage(episodeId: unknown, input: NewMessage): Promise<SendOutcome> {
  const access = await getOwnEpisode(episodeId, 'clinician.message.send');
  if (!access) return { outcome: 'outside-care-team', message: MESSAGE_REFUSALS.clinicianOutside };
  const facts = (await loadThreadFacts(getDb(), access.episode.id))!;
  if (isReadOnly(facts)) return { outcome: 'read-only', message: MESSAGE_REFUSALS.clinicianReadOnly };
  const body = checkedBody(input.body);
  if (!body.ok) return { outcome: 'invalid', message: body.message };
  const sent = await appendMessage(access.viewer, facts, { submissionId: input.submissionId, body: body.body }, 'clinician.message.send');
  return { ...sent, redFlagKeys: [] };
}

export type InboxThread = {
  episodeId: string;
  patientName: string;
  status: 'active' | 'discharged';
  lastMessageAt: Date;
  /** Whether the newest message is the patient's (waiting for the care team) or the care team's. */
  lastFromPatient: boolean;
  /** Messages from the patient this clinician has not read. */
  unread: number;
  /** The away colleague whose patient this is, when the viewer is covering. */
  coveringFor: string | null;
};

export const INBOX_LIMIT = 100;

/**
 * Clinician: the threads of the episodes they are responsible for (own, and covered for away
 * colleagues), unread first, then newest first; names and times only, no message text. The view is
 * audited once with the number of threads. Others: AppError('forbidden').
 */
export async function listInbox(): Promise<InboxThread[]> {
  const viewer = await requireRole('clinician');
  const rows = await executeRows<{
    episode_id: string;
    patient_name: string;
    status: 'active' | 'discharged';
    last_message_at: string | Date;
    last_from_patient: boolean;
    unread: number;
    covering_for: string | null;
  }>(
    getDb(),
    sql`select t.episode_id, p.name as patient_name, e.status, t.last_message_at,
          (select m.author_role = 'patient' from ${messages} m where m.thread_id = t.id order by m.created_at desc, m.id desc limit 1) as last_from_patient,
          (select count(*)::int from ${messages} m where m.thread_id = t.id and m.author_role = 'patient'
             and (r.last_read_at is null or m.created_at > r.last_read_at)) as unread,
          case when e.clinician_id <> ${viewer.userId} then c.name end as covering_for
        from ${messageThreads} t
        join ${episodes} e on e.id = t.episode_id
        join ${users} p on p.id = t.patient_id
        join ${users} c on c.id = e.clinician_id
        left join ${messageReads} r on r.thread_id = t.id and r.user_id = ${viewer.userId}
        where t.clinic_id = ${viewer.clinicId} and ${responsibleClinicianIn(sql`e.clinician_id`, viewer)}
        order by (select count(*) from ${messages} m where m.thread_id = t.id and m.author_role = 'patient'
                    and (r.last_read_at is null or m.created_at > r.last_read_at)) > 0 desc, t.last_message_at desc
        limit ${INBOX_LIMIT}`,
  );
  await recordViewerAction(getDb(), viewer, { action: 'clinician.messages.inbox-read', resourceType: 'message-inbox', detail: { threads: rows.length } });
  return rows.map((row) => ({
    episodeId: row.episode_id,
    patientName: row.patient_name,
    status: row.status,
    lastMessageAt: row.last_message_at instanceof Date ? row.last_message_at : new Date(row.last_message_at),
    lastFromPatient: row.last_from_patient,
    unread: row.unread,
    coveringFor: row.covering_for,
  }));
}

/**
 * The navigation badge. Patient: messages from their care team they have not read. Clinician: messages
 * from patients in their care (own and covered) they have not read. Others: AppError('forbidden').
 */
export async function countUnreadMessages(): Promise<number> {
  const viewer = await requireRole('patient', 'clinician');
  const unread = sql`(r.last_read_at is null or m.created_at > r.last_read_at)`;
  const query =
    viewer.role === 'patient'
      ? sql`select count(*)::int as n from ${messages} m join ${messageThreads} t on t.id = m.thread_id
            left join ${messageReads} r on r.thread_id = t.id and r.user_id = ${viewer.userId}
            where t.patient_id = ${viewer.userId} and t.clinic_id = ${viewer.clinicId} and m.author_id <> ${viewer.userId} and ${unread}`
      : sql`select count(*)::int as n from ${messages} m join ${messageThreads} t on t.id = m.thread_id
            join ${episodes} e on e.id = t.episode_id
            left join ${messageReads} r on r.thread_id = t.id and r.user_id = ${viewer.userId}
            where t.clinic_id = ${viewer.clinicId} and ${responsibleClinicianIn(sql`e.clinician_id`, viewer)}
              and m.author_role = 'patient' and ${unread}`;
  const [row] = await executeRows<{ n: number }>(getDb(), query);
  return row?.n ?? 0;
}

/** Manager → Settings: the clinic's reply time and discharge rule. Others: AppError('forbidden'). */
export async function getMessageSettings(): Promise<MessageSettings> {
  const viewer = await requireClinicManager();
  const [row] = await getDb()
    .select({ replyWorkingDays: clinics.messageReplyWorkingDays, readOnlyAfterDischarge: clinics.messagesReadOnlyAfterDischarge })
    .from(clinics)
    .where(eq(clinics.id, viewer.clinicId));
  return { ...row!, replyTime: describeReplyTime(row!.replyWorkingDays) };
}

/** Manager: sets their own clinic's message reply time and discharge rule, recorded in the audit trail. Others: AppError('forbidden'). */
export async function updateMessageSettings(input: { messageReplyWorkingDays: number; readOnlyAfterDischarge: boolean }): Promise<void> {
  const viewer = await requireClinicManager();
  await updateOwnClinic(
    viewer,
    'manager.clinic.messages-update',
    { messageReplyWorkingDays: input.messageReplyWorkingDays, messagesReadOnlyAfterDischarge: input.readOnlyAfterDischarge },
    { messageReplyWorkingDays: input.messageReplyWorkingDays, readOnlyAfterDischarge: input.readOnlyAfterDischarge },
  );
}

