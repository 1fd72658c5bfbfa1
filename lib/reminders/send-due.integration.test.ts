import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connection';
import { createClinic, createEpisode, createUser, insertPainEntryRow, insertPlanWithItems } from '@/db/factories';
import { exerciseLogs, notificationDeliveries, notifications, pushSubscriptions, reminderPreferences } from '@/db/schema';
import { POST as unsubscribePost } from '@/app/unsubscribe/[token]/route';
import { setDatabaseForTests } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { startTestSmtpServer } from '@/lib/mail/test-smtp-server';
import { emailChannel, pushNotConfigured } from '@/lib/notifications/channels';
import { deliverQueued } from '@/lib/notifications/deliver';
import { JOB_KINDS } from '@/lib/jobs/kinds';
import { startJobRunner } from '@/lib/jobs/runner';
import { localDay } from '@/lib/time';
import { readUnsubscribeToken } from './unsubscribe-token';
import { reminderTitle, sendDueReminders } from './send-due';

let handle: DatabaseHandle;
const db = () => handle.db;
const SITE = 'https://uplift.clinic.example';

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseForTests(handle);
});

afterAll(async () => {
  await handle.close();
});

type Switches = Partial<typeof reminderPreferences.$inferInsert>;

/** A New York patient in active care since December 2026, with a plan of one daily exercise and their own reminder choices. */
async function newYorkPatient(preferences: Switches = {}, options: { nudgeDays?: number; items?: { timesPerDay: number; daysPerWeek: number }[] | null } = {}) {
  const clinic = await createClinic(db(), { timeZone: 'America/New_York', country: 'US', reminderNudgeDays: options.nudgeDays ?? 3 });
  const clinician = await createUser(db(), clinic.id, 'clinician');
  const patient = await createUser(db(), clinic.id, 'patient');
  const episode = await createEpisode(db(), { clinicId: clinic.id, patientId: patient.id, clinicianId: clinician.id, startedAt: new Date('2026-12-01T15:00:00Z') });
  const items = options.items === null ? [] : (options.items ?? [{ timesPerDay: 1, daysPerWeek: 7 }]);
  const plan = items.length > 0 ? await insertPlanWithItems(db(), { episodeId: episode.id, clinicId: clinic.id, createdBy: clinician.id, version: 1, createdAt: new Date('2026-12-01T16:00:00Z'), items }) : null;
  await db()
    .insert(reminderPreferences)
    .values({
      userId: patient.id,
      exerciseMinutes: [8 * 60],
      quietStartMinute: 22 * 60,
      quietEndMinute: 7 * 60,
      exerciseInApp: true,
      exerciseEmail: true,
      exercisePush: true,
      questionnaireInApp: false,
      questionnaireEmail: false,
      questionnairePush: false,
      nudgeInApp: false,
      nudgeEmail: false,
      nudgePush: false,
      ...preferences,
    });
  // One phone with push on.
  await db().insert(pushSubscriptions).values({ userId: patient.id, endpoint: `https://push.example/${patient.id}`, p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) });
  return { clinic, clinician, patient, episode, plan };
}

async function remindersOf(userId: string, kind?: string) {
  return db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), like(notifications.kind, kind ? `reminder-${kind}` : 'reminder-%')));
}

async function logExercise(episodeId: string, planItemId: string, at: Date, zone = 'America/New_York') {
  await db().insert(exerciseLogs).values({ episodeId, planItemId, status: 'done', loggedAt: at, localDay: localDay(at, zone), submissionId: randomUUID() });
}

describe('exercise reminders on a controlled clock', () => {
  it('08:00 in New York goes at 13:00 UTC in winter, as one notification with its email and push deliveries', async () => {
    const { patient, clinic } = await newYorkPatient();
    await sendDueReminders(db(), new Date('2027-01-15T12:59:00Z'), SITE);
    expect(await remindersOf(patient.id)).toEqual([]);
    await sendDueReminders(db(), new Date('2027-01-15T13:00:00Z'), SITE);
    const [reminder, ...others] = await remindersOf(patient.id);
    expect(others).toEqual([]);
    expect(reminder).toMatchObject({ kind: 'reminder-exercise', title: reminderTitle(clinic.name), href: '/patient', dedupeKey: `reminder:exercise:${patient.id}:2027-01-15:08:00`, readAt: null });
    expect(reminder!.title).toBe(`You have a new reminder from ${clinic.name}`);
    const deliveries = await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, reminder!.id));
    expect(deliveries.map((delivery) => delivery.channel).sort()).toEqual(['email', 'push']);
    const email = deliveries.find((delivery) => delivery.channel === 'email')!;
    expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const link = /^<(https:\/\/uplift\.clinic\.example\/unsubscribe\/([^>]+))>$/.exec(email.headers['List-Unsubscribe']!);
    expect(readUnsubscribeToken(link![2]!)).toEqual({ userId: patient.id, kind: 'exercise' });
  });

  it('08:00 in New York goes at 12:00 UTC in summer', async () => {
    const { patient } = await newYorkPatient();
    await sendDueReminders(db(), new Date('2027-07-15T11:59:00Z'), SITE);
    expect(await remindersOf(patient.id)).toEqual([]);
    await sendDueReminders(db(), new Date('2027-07-15T12:00:00Z'), SITE);
    expect((await remindersOf(patient.id)).map((row) => row.dedupeKey)).toEqual([`reminder:exercise:${patient.id}:2027-07-15:08:00`]);
  });

  it('is never sent twice: the job run again, two runs at once, and a run after a restart record one reminder', async () => {
    const { patient } = await newYorkPatient();
    const at = new Date('2027-01-20T13:05:00Z');
    // Two runs at once, as two servers would; then a later run inside the same hour, as after a restart.
    const [first, second] = await Promise.all([sendDueReminders(db(), at, SITE), sendDueReminders(db(), at, SITE)]);
    expect(first.duplicates + second.duplicates).toBeGreaterThan(0);
    expect(await remindersOf(patient.id)).toHaveLength(1);
    const again = await sendDueReminders(db(), new Date('2027-01-20T13:40:00Z'), SITE);
    expect(again.sent).toBe(0);
    expect(await remindersOf(patient.id)).toHaveLength(1);
    const deliveries = await db().select().from(notificationDeliveries).innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId)).where(eq(notifications.userId, patient.id));
    expect(deliveries).toHaveLength(2);
  });

  it('only on days the plan still has exercises', async () => {
    const noPlan = await newYorkPatient({}, { items: null });
    const twiceWeekly = await newYorkPatient({}, { items: [{ timesPerDay: 1, daysPerWeek: 2 }] });
    const doneToday = await newYorkPatient();
    // Friday 15 January 2027: the twice-weekly exercise was done on Monday and Wednesday.
    await logExercise(twiceWeekly.episode.id, twiceWeekly.plan!.items[0]!.id, new Date('2027-01-11T15:00:00Z'));
    await logExercise(twiceWeekly.episode.id, twiceWeekly.plan!.items[0]!.id, new Date('2027-01-13T15:00:00Z'));
    // The daily one was done at 07:30 this morning.
    await logExercise(doneToday.episode.id, doneToday.plan!.items[0]!.id, new Date('2027-01-15T12:30:00Z'));
    await sendDueReminders(db(), new Date('2027-01-15T13:00:00Z'), SITE);
    expect(await remindersOf(noPlan.patient.id)).toEqual([]);
    expect(await remindersOf(twiceWeekly.patient.id)).toEqual([]);
    expect(await remindersOf(doneToday.patient.id)).toEqual([]);
    // The next Monday is a new week: the twice-weekly exercise is due again.
    await sendDueReminders(db(), new Date('2027-01-18T13:00:00Z'), SITE);
    expect(await remindersOf(twiceWeekly.patient.id, 'exercise')).toHaveLength(1);
  });

  it('a reminder with "in Uplift" off still goes by its other channels, already read', async () => {
    const { patient } = await newYorkPatient({ exerciseInApp: false, exerciseEmail: false, exercisePush: true });
    await sendDueReminders(db(), new Date('2027-01-15T13:00:00Z'), SITE);
    const [reminder] = await remindersOf(patient.id);
    expect(reminder!.readAt).not.toBeNull();
    const deliveries = await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, reminder!.id));
    expect(deliveries.map((delivery) => delivery.channel)).toEqual(['push']);
  });

  it('no push to someone with no device that has push on', async () => {
    const { patient } = await newYorkPatient();
    await db().delete(pushSubscriptions).where(eq(pushSubscriptions.userId, patient.id));
    await sendDueReminders(db(), new Date('2027-01-15T13:00:00Z'), SITE);
    const [reminder] = await remindersOf(patient.id);
    const deliveries = await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, reminder!.id));
    expect(deliveries.map((delivery) => delivery.channel)).toEqual(['email']);
  });

  it('no email without AUTH_URL: an email could not carry its unsubscribe link', async () => {
    const { patient } = await newYorkPatient();
    await sendDueReminders(db(), new Date('2027-01-15T13:00:00Z'), null);
    const [reminder] = await remindersOf(patient.id);
    const deliveries = await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, reminder!.id));
    expect(deliveries.map((delivery) => delivery.channel)).toEqual(['push']);
  });
});

describe('quiet hours', () => {
  it('nothing is sent during quiet hours, even at a chosen time', async () => {
    const { patient } = await newYorkPatient({ exerciseMinutes: [6 * 60 + 30], questionnaireInApp: true, nudgeInApp: true });
    // 06:30 in New York, inside quiet hours (22:00 to 07:00); a questionnaire and a nudge are due too.
    await sendDueReminders(db(), new Date('2027-01-15T11:30:00Z'), SITE);
    await sendDueReminders(db(), new Date('2027-01-15T11:55:00Z'), SITE);
    expect(await remindersOf(patient.id)).toEqual([]);
  });

  it('a questionnaire reminder held back by quiet hours goes when they end', async () => {
    const { patient } = await newYorkPatient({ exerciseMinutes: [], quietStartMinute: 8 * 60, quietEndMinute: 12 * 60, questionnaireInApp: true });
    await sendDueReminders(db(), new Date('2027-01-15T14:00:00Z'), SITE);
    expect(await remindersOf(patient.id)).toEqual([]);
    await sendDueReminders(db(), new Date('2027-01-15T17:00:00Z'), SITE);
    expect((await remindersOf(patient.id)).map((row) => row.kind)).toEqual(['reminder-questionnaire']);
  });
});

describe('questionnaire due and the nudge', () => {
  it('a due questionnaire is reminded once, linking to the questionnaires', async () => {
    const { patient } = await newYorkPatient({ exerciseMinutes: [], questionnaireInApp: true, questionnaireEmail: true });
    await sendDueReminders(db(), new Date('2027-01-15T15:00:00Z'), SITE);
    await sendDueReminders(db(), new Date('2027-01-16T15:00:00Z'), SITE);
    const reminders = await remindersOf(patient.id, 'questionnaire');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ href: '/patient/questionnaires', dedupeKey: `reminder:questionnaire:${patient.id}:ODI:2026-12-01` });
  });

  it('the nudge goes after the clinic’s number of days with nothing logged, once', async () => {
    const three = await newYorkPatient({ exerciseMinutes: [], nudgeInApp: true }, { nudgeDays: 3 });
    const five = await newYorkPatient({ exerciseMinutes: [], nudgeInApp: true }, { nudgeDays: 5 });
    for (const team of [three, five]) await insertPainEntryRow(db(), team.episode.id, 3, new Date('2027-01-12T15:00:00Z'));
    await sendDueReminders(db(), new Date('2027-01-14T15:00:00Z'), SITE);
    expect(await remindersOf(three.patient.id)).toEqual([]);
    await sendDueReminders(db(), new Date('2027-01-15T15:00:00Z'), SITE);
    await sendDueReminders(db(), new Date('2027-01-16T15:00:00Z'), SITE);
    expect((await remindersOf(three.patient.id)).map((row) => row.dedupeKey)).toEqual([`reminder:nudge:${three.patient.id}:2027-01-12`]);
    expect(await remindersOf(five.patient.id)).toEqual([]);
    await sendDueReminders(db(), new Date('2027-01-17T15:00:00Z'), SITE);
    expect(await remindersOf(five.patient.id, 'nudge')).toHaveLength(1);
  });
});

describe('the reminder email', () => {
  it('reaches a real SMTP server with both unsubscribe headers, and its one-click POST, with no sign-in, turns off only that email', async () => {
    const { patient, clinic } = await newYorkPatient({ questionnaireInApp: true, questionnaireEmail: true, nudgeEmail: true });
    const server = await startTestSmtpServer();
    try {
      await sendDueReminders(db(), new Date('2027-02-01T13:00:00Z'), SITE);
      const channels = { email: emailChannel({ smtp: { url: `smtp://127.0.0.1:${server.port}`, from: 'uplift@clinic.example' }, siteUrl: SITE, timeoutMs: 3_000 }), push: pushNotConfigured };
      await deliverQueued(db(), { now: new Date('2027-02-01T13:01:00Z'), channels });
      const mail = server.messages.find((message) => message.to.includes(patient.email))!;
      expect(mail).toBeDefined();
      const headers = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
      expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      const link = /^List-Unsubscribe: <(https:\/\/uplift\.clinic\.example\/unsubscribe\/([^>]+))>$/m.exec(headers);
      expect(link).not.toBeNull();
      expect(headers).toContain(`Subject: You have a new reminder from ${clinic.name}`);
      // No health data: nothing about the plan, the exercise or the person beyond their address.
      for (const secret of [patient.name, 'exercise', 'pain']) expect(mail.raw).not.toContain(secret);

      const token = link![2]!;
      const response = await unsubscribePost(
        new Request(link![1]!, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
        { params: Promise.resolve({ token }) },
      );
      expect(response.status).toBe(200);
      const [after] = await db().select().from(reminderPreferences).where(eq(reminderPreferences.userId, patient.id));
      expect(after).toMatchObject({
        exerciseEmail: false,
        exerciseInApp: true,
        exercisePush: true,
        questionnaireEmail: true,
        questionnaireInApp: true,
        nudgeEmail: true,
        exerciseMinutes: [8 * 60],
        quietStartMinute: 22 * 60,
        quietEndMinute: 7 * 60,
      });
      // The next exercise reminder goes without an email; the patient's other emails are unchanged.
      await sendDueReminders(db(), new Date('2027-02-02T13:00:00Z'), SITE);
      const [next] = await db().select().from(notifications).where(eq(notifications.dedupeKey, `reminder:exercise:${patient.id}:2027-02-02:08:00`));
      const deliveries = await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, next!.id));
      expect(deliveries.map((delivery) => delivery.channel)).toEqual(['push']);
    } finally {
      await server.close();
    }
  });
});

describe('the reminder job', () => {
  it('runs on the job runner', async () => {
    const kind = JOB_KINDS.find((candidate) => candidate.name === 'patient-reminders')!;
    expect(kind.cron).toBe('*/5 * * * *');
    const outcomes: string[] = [];
    const runner = await startJobRunner(handle, { kinds: [{ ...kind, run: async (on, data) => { const outcome = await kind.run(on, data); outcomes.push(outcome); return outcome; } }], schedules: false, pollingIntervalSeconds: 0.5 });
    try {
      await runner.queue.send(kind.name, {});
      const until = Date.now() + 20_000;
      while (outcomes.length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(outcomes[0]).toMatch(/^\d+ patients, \d+ sent, \d+ already sent$/);
    } finally {
      await runner.queue.stop({ graceful: false, wait: true, timeout: 2_000 });
    }
  });
});
