import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, signInAs } from '@/db/factories';
import { auditEvents, clinics, episodes, messages, messageThreads, notifications } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { MESSAGE_BODY_MAX } from '@/lib/messages/limits';
import { markAway, markBack } from './cover';
import {
  countUnreadMessages,
  getClinicianThread,
  getMessageSettings,
  getPatientThread,
  listInbox,
  MESSAGE_REFUSALS,
  sendClinicianMessage,
  sendPatientMessage,
  updateMessageSettings,
} from './messages';
import { getPatientRecord } from './patient-record';

const db = setupTestDatabase();

const send = (body: string, submissionId = randomUUID()) => ({ submissionId, body });

/** A clinic with two clinicians, each with one patient in active care. */
async function clinicOfTwo() {
  const team = await createCareTeam(db());
  const clinician2 = await createUser(db(), team.clinic.id, 'clinician');
  const patient2 = await createUser(db(), team.clinic.id, 'patient');
  const episode2 = await createEpisode(db(), { clinicId: team.clinic.id, patientId: patient2.id, clinicianId: clinician2.id });
  return { ...team, clinician2, patient2, episode2 };
}

const messagesOf = async (episodeId: string) =>
  db()
    .select({ id: messages.id, body: messages.body })
    .from(messages)
    .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
    .where(eq(messageThreads.episodeId, episodeId));

const auditRows = (action: string, actorId: string) =>
  db().select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.actorId, actorId)));

const notificationsOf = (userId: string) =>
  db().select({ kind: notifications.kind, title: notifications.title, href: notifications.href }).from(notifications).where(eq(notifications.userId, userId));

const discharge = (episodeId: string) =>
  db().update(episodes).set({ status: 'discharged', dischargedAt: new Date() }).where(eq(episodes.id, episodeId));

describe('a conversation between a patient and their clinician', () => {
  it('delivers each side’s message, counts what is unread and audits the clinician’s reads', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    const sent = await sendPatientMessage(team.episode.id, send('  My back is stiffer in the mornings.  '));
    expect(sent).toMatchObject({ outcome: 'sent', redFlagKeys: [] });
    expect(await countUnreadMessages()).toBe(0);

    await signInAs(db(), team.clinician.id);
    expect(await countUnreadMessages()).toBe(1);
    const [inboxRow] = await listInbox();
    expect(inboxRow).toMatchObject({ episodeId: team.episode.id, patientName: team.patient.name, unread: 1, lastFromPatient: true, coveringFor: null });
    expect(await auditRows('clinician.messages.inbox-read', team.clinician.id)).toHaveLength(1);
    expect(await countUnreadMessages()).toBe(1);

    const thread = await getClinicianThread(team.episode.id);
    expect(thread?.messages.map((message) => [message.body, message.fromPatient, message.mine])).toEqual([
      ['My back is stiffer in the mornings.', true, false],
    ]);
    expect(thread?.readOnly).toBe(false);
    expect(thread?.newlyRead).toBe(1);
    expect((await getClinicianThread(team.episode.id))?.newlyRead).toBe(0);
    const [read, again] = await auditRows('clinician.messages.read', team.clinician.id);
    expect(again).toBeDefined();
    expect(read).toMatchObject({ outcome: 'success', patientId: team.patient.id, resourceType: 'episode', resourceId: team.episode.id });
    expect(await countUnreadMessages()).toBe(0);
    expect((await listInbox())[0]?.unread).toBe(0);

    expect(await sendClinicianMessage(team.episode.id, send('Try the pelvic tilts before you get up.'))).toMatchObject({ outcome: 'sent' });
    expect((await listInbox())[0]?.lastFromPatient).toBe(false);
    // Sending is audited by ids and length only: the text never reaches the trail.
    const [sendAudit] = await auditRows('clinician.message.send', team.clinician.id);
    expect(sendAudit).toMatchObject({ patientId: team.patient.id, resourceType: 'message', detail: { episodeId: team.episode.id, characters: 'Try the pelvic tilts before you get up.'.length } });
    expect(JSON.stringify(sendAudit)).not.toContain('pelvic');

    await signInAs(db(), team.patient.id);
    expect(await countUnreadMessages()).toBe(1);
    const mine = await getPatientThread();
    expect(mine).toMatchObject({ episodeId: team.episode.id, readOnly: false, careTeam: { clinician: { id: team.clinician.id }, cover: null } });
    expect(mine?.settings).toEqual({ replyWorkingDays: 2, replyTime: 'within 2 working days', readOnlyAfterDischarge: true });
    expect(mine?.messages.map((message) => [message.authorName, message.mine])).toEqual([
      [team.patient.name, true],
      [team.clinician.name, false],
    ]);
    expect(mine?.newlyRead).toBe(1);
    expect(await countUnreadMessages()).toBe(0);
    expect(await auditRows('patient.messages.read', team.patient.id)).toHaveLength(1);
  });

  it('notifies the other side without the text or the patient’s name, and the cover while the clinician is away', async () => {
    const team = await clinicOfTwo();
    await signInAs(db(), team.patient.id);
    await sendPatientMessage(team.episode.id, send('My knee clicks when I squat.'));
    expect(await notificationsOf(team.clinician.id)).toEqual([
      { kind: 'message', title: `A patient at ${team.clinic.name} has sent you a message`, href: '/clinician/messages' },
    ]);
    await signInAs(db(), team.clinician.id);
    await sendClinicianMessage(team.episode.id, send('Squat less deeply for now.'));
    expect(await notificationsOf(team.patient.id)).toEqual([{ kind: 'message', title: `You have a new message from ${team.clinic.name}`, href: '/patient/messages' }]);

    expect(await markAway(team.clinician.id, team.clinician2.id)).toBe('done');
    await signInAs(db(), team.patient.id);
    await sendPatientMessage(team.episode.id, send('Thanks, will do.'));
    expect(await notificationsOf(team.clinician.id)).toHaveLength(1);
    expect(await notificationsOf(team.clinician2.id)).toHaveLength(1);
    const titles = JSON.stringify([...(await notificationsOf(team.clinician2.id)), ...(await notificationsOf(team.patient.id))]);
    expect(titles).not.toMatch(/knee|Squat|Thanks/);
    expect(titles).not.toContain(team.patient.name);
  });

  it('stores a resubmitted message once', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    const submissionId = randomUUID();
    expect((await sendPatientMessage(team.episode.id, send('Hello', submissionId))).outcome).toBe('sent');
    expect((await sendPatientMessage(team.episode.id, send('Hello', submissionId))).outcome).toBe('duplicate');
    expect(await messagesOf(team.episode.id)).toHaveLength(1);
  });

  it('offers the safety questions when the patient mentions a red flag', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    const sent = await sendPatientMessage(team.episode.id, send('Since Tuesday I can’t pee properly and my leg gave way.'));
    expect(sent).toMatchObject({ outcome: 'sent', redFlagKeys: ['bladder-change', 'falls'] });
  });

  it('lets the patient ask to move a visit, which reaches the clinician as a message', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    const sent = await sendPatientMessage(team.episode.id, { ...send('Please move my visit on Friday.'), kind: 'visit-request' });
    expect(sent.outcome).toBe('sent');
    expect(await auditRows('patient.visit-request.send', team.patient.id)).toHaveLength(1);
    await signInAs(db(), team.clinician.id);
    expect(await countUnreadMessages()).toBe(1);
    expect((await getClinicianThread(team.episode.id))?.messages[0]).toMatchObject({ kind: 'visit-request', fromPatient: true });
  });

  it('shows messages in the patient record’s timeline', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    await sendPatientMessage(team.episode.id, send('Is swimming all right?'));
    await signInAs(db(), team.clinician.id);
    await sendClinicianMessage(team.episode.id, send('Yes, gently.'));
    const record = await getPatientRecord(team.episode.id);
    expect(record?.timeline.filter((event) => event.kind === 'message').map((event) => [event.title, event.detail])).toEqual([
      [`Message from ${team.clinician.name}`, 'Yes, gently.'],
      ['Message from the patient', 'Is swimming all right?'],
    ]);
  });

  it('gives a patient with no episode no thread', async () => {
    const team = await createCareTeam(db());
    const newcomer = await createUser(db(), team.clinic.id, 'patient');
    await signInAs(db(), newcomer.id);
    expect(await getPatientThread()).toBeNull();
    expect(await countUnreadMessages()).toBe(0);
  });
});

describe('refusals: nothing is stored', () => {
  it('refuses an empty, blank, over-long or unstorable message', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    expect(await sendPatientMessage(team.episode.id, send(''))).toEqual({ outcome: 'invalid', message: 'Enter your message.' });
    expect(await sendPatientMessage(team.episode.id, send('   \n '))).toEqual({ outcome: 'invalid', message: 'Enter your message.' });
    expect(await sendPatientMessage(team.episode.id, send('x'.repeat(MESSAGE_BODY_MAX + 1)))).toEqual({
      outcome: 'invalid',
      message: 'Your message must be 2,000 characters or fewer.',
    });
    expect((await sendPatientMessage(team.episode.id, send('a\u0000b'))).outcome).toBe('invalid');
    await signInAs(db(), team.clinician.id);
    expect((await sendClinicianMessage(team.episode.id, send(''))).outcome).toBe('invalid');
    expect(await messagesOf(team.episode.id)).toHaveLength(0);
    expect(await db().select().from(messageThreads).where(eq(messageThreads.episodeId, team.episode.id))).toHaveLength(0);

    // At the limit is fine, counted in characters (an emoji is one).
    await signInAs(db(), team.patient.id);
    expect((await sendPatientMessage(team.episode.id, send('😀'.repeat(MESSAGE_BODY_MAX)))).outcome).toBe('sent');
  });

  it('refuses a patient writing to someone outside their care team, and audits it', async () => {
    const team = await clinicOfTwo();
    const otherClinic = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    for (const target of [team.episode2.id, otherClinic.episode.id, randomUUID(), 'not-an-id']) {
      expect(await sendPatientMessage(target, send('Hello'))).toEqual({ outcome: 'outside-care-team', message: MESSAGE_REFUSALS.patientOutside });
    }
    expect(await messagesOf(team.episode2.id)).toHaveLength(0);
    expect(await messagesOf(otherClinic.episode.id)).toHaveLength(0);
    const denied = await auditRows('patient.message.send', team.patient.id);
    expect(denied.map((row) => row.outcome)).toEqual(['denied', 'denied', 'denied', 'denied']);
  });

  it('keeps clinician2 out of clinician’s threads: no read, no reply, no count, each refusal audited', async () => {
    const team = await clinicOfTwo();
    await signInAs(db(), team.patient.id);
    await sendPatientMessage(team.episode.id, send('For my own physio only.'));

    await signInAs(db(), team.clinician2.id);
    expect(await getClinicianThread(team.episode.id)).toBeNull();
    expect(await sendClinicianMessage(team.episode.id, send('Hello'))).toEqual({ outcome: 'outside-care-team', message: MESSAGE_REFUSALS.clinicianOutside });
    expect(await listInbox()).toEqual([]);
    expect(await countUnreadMessages()).toBe(0);
    expect((await auditRows('clinician.messages.read', team.clinician2.id)).map((row) => row.outcome)).toEqual(['denied']);
    expect((await auditRows('clinician.message.send', team.clinician2.id)).map((row) => row.outcome)).toEqual(['denied']);
    expect(await messagesOf(team.episode.id)).toHaveLength(1);

    // A clinician of another clinic, and the wrong roles.
    const other = await createCareTeam(db());
    await signInAs(db(), other.clinician.id);
    expect(await getClinicianThread(team.episode.id)).toBeNull();
    await signInAs(db(), team.manager.id);
    await expect(getClinicianThread(team.episode.id)).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    await expect(countUnreadMessages()).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    await signInAs(db(), team.patient.id);
    await expect(sendClinicianMessage(team.episode.id, send('Hi'))).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    await expect(listInbox()).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    await signInAs(db(), team.clinician.id);
    await expect(sendPatientMessage(team.episode.id, send('Hi'))).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    await expect(getPatientThread()).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    await signInAs(db(), null);
    await expect(getPatientThread()).rejects.toSatisfy((error) => isAppError(error, 'unauthenticated'));
  });
});

describe('the care team while the clinician is away', () => {
  it('passes the thread to the cover until the clinician is back', async () => {
    const team = await clinicOfTwo();
    await signInAs(db(), team.clinician.id);
    expect(await markAway(team.clinician.id, team.clinician2.id)).toBe('done');

    await signInAs(db(), team.patient.id);
    expect((await getPatientThread())?.careTeam).toEqual({
      clinician: { id: team.clinician.id, name: team.clinician.name },
      cover: { id: team.clinician2.id, name: team.clinician2.name },
    });
    await sendPatientMessage(team.episode.id, send('Are you there?'));

    await signInAs(db(), team.clinician2.id);
    expect(await countUnreadMessages()).toBe(1);
    expect((await listInbox()).map((row) => [row.episodeId, row.coveringFor])).toEqual([[team.episode.id, team.clinician.name]]);
    expect((await getClinicianThread(team.episode.id))?.messages).toHaveLength(1);
    expect((await sendClinicianMessage(team.episode.id, send('I am covering this week.'))).outcome).toBe('sent');

    // Each participant keeps their own read state: the clinician has not read the patient's message yet.
    await signInAs(db(), team.clinician.id);
    expect(await countUnreadMessages()).toBe(1);
    expect(await markBack(team.clinician.id)).toBe('done');

    await signInAs(db(), team.clinician2.id);
    expect(await getClinicianThread(team.episode.id)).toBeNull();
    expect((await sendClinicianMessage(team.episode.id, send('Still here?'))).outcome).toBe('outside-care-team');
    expect(await countUnreadMessages()).toBe(0);
  });
});

describe('after discharge', () => {
  it('keeps the thread readable but closed to new messages when the clinic says so', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    await sendPatientMessage(team.episode.id, send('Thanks for everything.'));
    await discharge(team.episode.id);

    expect(await sendPatientMessage(team.episode.id, send('One more thing'))).toEqual({ outcome: 'read-only', message: MESSAGE_REFUSALS.patientReadOnly });
    expect(await getPatientThread()).toMatchObject({ status: 'discharged', readOnly: true, messages: [{ body: 'Thanks for everything.' }] });
    await signInAs(db(), team.clinician.id);
    expect(await sendClinicianMessage(team.episode.id, send('You are welcome.'))).toEqual({ outcome: 'read-only', message: MESSAGE_REFUSALS.clinicianReadOnly });
    expect((await getClinicianThread(team.episode.id))?.readOnly).toBe(true);
    expect(await messagesOf(team.episode.id)).toHaveLength(1);
  });

  it('leaves the thread open when the clinic turns the rule off', async () => {
    const team = await createCareTeam(db());
    await db().update(clinics).set({ messagesReadOnlyAfterDischarge: false }).where(eq(clinics.id, team.clinic.id));
    await discharge(team.episode.id);
    await signInAs(db(), team.patient.id);
    expect((await sendPatientMessage(team.episode.id, send('A question after discharge.'))).outcome).toBe('sent');
    await signInAs(db(), team.clinician.id);
    expect((await sendClinicianMessage(team.episode.id, send('Happy to help.'))).outcome).toBe('sent');
  });
});

describe('the clinic’s message settings', () => {
  it('lets a manager set the reply time and the discharge rule, audited; nobody else', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    expect(await getMessageSettings()).toEqual({ replyWorkingDays: 2, replyTime: 'within 2 working days', readOnlyAfterDischarge: true });
    await updateMessageSettings({ messageReplyWorkingDays: 1, readOnlyAfterDischarge: false });
    expect(await getMessageSettings()).toEqual({ replyWorkingDays: 1, replyTime: 'within 1 working day', readOnlyAfterDischarge: false });
    const [audit] = await auditRows('manager.clinic.messages-update', team.manager.id);
    expect(audit).toMatchObject({ resourceId: team.clinic.id, detail: { messageReplyWorkingDays: 1, readOnlyAfterDischarge: false } });

    await signInAs(db(), team.patient.id);
    expect((await getPatientThread())?.settings.replyTime).toBe('within 1 working day');
    await signInAs(db(), team.clinician.id);
    await expect(updateMessageSettings({ messageReplyWorkingDays: 3, readOnlyAfterDischarge: true })).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    await expect(getMessageSettings()).rejects.toSatisfy((error) => isAppError(error, 'forbidden'));
    // The database refuses a reply time outside the limits even if a caller skipped the form's check.
    await expect(db().update(clinics).set({ messageReplyWorkingDays: 0 }).where(eq(clinics.id, team.clinic.id))).rejects.toThrow();
  });
});
