import { Writable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser, insertPainEntryRow } from '@/db/factories';
import { alertEscalations, alerts, clinics, deliveryAddresses, notificationAttempts, notificationDeliveries, notifications, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { RED_FLAG_ALERT_MESSAGES, raiseRedFlagAlert } from '@/lib/dal/internal/red-flag-alerts';
import { RED_FLAG_QUESTIONS } from '@/lib/clinical/red-flags';
import { createLogger } from '@/lib/log';
import { bodyOf, startTestSmtpServer, type TestSmtpServer } from '@/lib/mail/test-smtp-server';
import { MS_PER_DAY } from '@/lib/time';
import { emailChannel, pushNotConfigured, type DeliveryChannels } from './channels';
import { deliverQueued, RETRY_POLICY, retryDelayMs } from './deliver';
import { notify } from './notify';
import { NOTIFICATION_RETENTION_DAYS, pruneNotifications } from './prune';
import { notifyPendingEscalations, sendMorningDigests } from './staff';

/**
 * Delivery on a real database with a real SMTP server inside the test, and a clock the test sets:
 * every run is given its `now`, so retries and the morning summary are checked at exact instants.
 */
const db = setupTestDatabase();
const servers: TestSmtpServer[] = [];
const SITE = 'https://uplift.example';

afterAll(async () => {
  for (const server of servers) await server.close().catch(() => {});
});

async function smtp(options: Parameters<typeof startTestSmtpServer>[0] = {}) {
  const server = await startTestSmtpServer(options);
  servers.push(server);
  return server;
}

function channelsFor(port: number): DeliveryChannels {
  return { email: emailChannel({ smtp: { url: `smtp://127.0.0.1:${port}`, from: 'uplift@clinic.example' }, siteUrl: SITE, timeoutMs: 3_000 }), push: pushNotConfigured };
}

function capture() {
  let output = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  return { logger: createLogger(stream), read: () => output };
}

/** A port nothing listens on: a server started and closed again. */
async function deadPort(): Promise<number> {
  const server = await startTestSmtpServer();
  await server.close();
  return server.port;
}

const deliveriesOf = (userId: string) =>
  db()
    .select({ id: notificationDeliveries.id, channel: notificationDeliveries.channel, status: notificationDeliveries.status, attempts: notificationDeliveries.attempts, next: notificationDeliveries.nextAttemptAt, code: notificationDeliveries.lastErrorCode })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(and(eq(notifications.userId, userId), eq(notificationDeliveries.channel, 'email')));

const reminder = (userId: string, now: Date, n = 0) =>
  notify(db(), { userId, kind: 'reminder', title: 'You have a new reminder', href: '/patient', dedupeKey: `test:${crypto.randomUUID()}:${n}`, channels: ['email'], now });

/** Far enough ahead of every other test's deliveries that runs here claim only their own. */
let clock = Date.parse('2030-01-01T00:00:00Z');
const later = () => new Date((clock += MS_PER_DAY));

describe('an urgent alert by email', () => {
  it('reaches the clinician at a real SMTP server with a generic subject and a link, and no health data in the mail or the log', async () => {
    const server = await smtp();
    const team = await createCareTeam(db());
    const now = later();
    await insertPainEntryRow(db(), team.episode.id, 9, now);
    const positive = RED_FLAG_QUESTIONS.find((question) => question.urgency === 'emergency')!;
    await raiseRedFlagAlert(db(), { episodeId: team.episode.id, urgency: 'emergency', positives: [positive.key], answers: { [positive.key]: true }, now });
    const { logger, read } = capture();
    const summary = await deliverQueued(db(), { now, channels: channelsFor(server.port), logger });
    expect(summary.sent).toBeGreaterThanOrEqual(1);

    const mail = server.messages.find((message) => message.to.includes(team.clinician.email));
    expect(mail).toBeDefined();
    const text = `${mail!.raw}\n${bodyOf(mail!.raw)}`;
    expect(text).toContain(`Subject: You have an urgent alert to review at ${team.clinic.name}`);
    expect(bodyOf(mail!.raw)).toContain(`${SITE}/clinician/alerts`);
    const [alert] = await db().select().from(alerts).where(eq(alerts.episodeId, team.episode.id));
    const secrets = [RED_FLAG_ALERT_MESSAGES.emergency, alert!.message, team.patient.name, team.patient.email, positive.question, positive.finding, 'cauda', 'equina', 'pain', team.episode.pseudonym];
    for (const secret of secrets) expect(text.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    // The log says what happened by id and code, never the title, an address or any content.
    const logged = read();
    expect(logged).toContain('notifications.delivery');
    for (const secret of [...secrets, team.clinician.email, 'urgent alert to review', team.clinic.name]) expect(logged.toLowerCase(), secret).not.toContain(secret.toLowerCase());

    const [delivery] = await deliveriesOf(team.clinician.id);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1, code: null });
    const attempts = await db().select().from(notificationAttempts).where(eq(notificationAttempts.deliveryId, delivery!.id));
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['sent']);
  });

  it('goes to the cover of a clinician who is away, and not to the clinician', async () => {
    const server = await smtp();
    const team = await createCareTeam(db());
    const cover = await createUser(db(), team.clinic.id, 'clinician');
    await db().update(users).set({ awaySince: new Date(), coverClinicianId: cover.id }).where(eq(users.id, team.clinician.id));
    const now = later();
    await raiseRedFlagAlert(db(), { episodeId: team.episode.id, urgency: 'same-day', positives: [], answers: {}, now });
    await deliverQueued(db(), { now, channels: channelsFor(server.port) });
    expect(server.recipients()).toContain(cover.email);
    expect(server.recipients()).not.toContain(team.clinician.email);
    expect(await db().select().from(notifications).where(eq(notifications.userId, team.clinician.id))).toHaveLength(0);
    expect(await db().select().from(notifications).where(eq(notifications.userId, cover.id))).toHaveLength(1);
  });
});

describe('an email with the caller’s unsubscribe headers', () => {
  it('carries List-Unsubscribe and List-Unsubscribe-Post to the mail server', async () => {
    const server = await smtp();
    const team = await createCareTeam(db());
    const now = later();
    const unsubscribe = `<${SITE}/unsubscribe/${'a'.repeat(43)}>`;
    await notify(db(), {
      userId: team.patient.id,
      kind: 'reminder',
      title: `You have a new reminder from ${team.clinic.name}`,
      href: '/patient',
      dedupeKey: `test:${crypto.randomUUID()}`,
      channels: ['email'],
      emailHeaders: { 'List-Unsubscribe': unsubscribe, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      now,
    });
    await deliverQueued(db(), { now, channels: channelsFor(server.port) });
    const mail = server.messages.find((message) => message.to.includes(team.patient.email))!;
    const headers = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
    expect(headers).toContain(`List-Unsubscribe: ${unsubscribe}`);
    expect(headers).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });
});

describe('when the mail server is down', () => {
  it('retries with backoff without holding up the rest, then sends once it is back, and never twice across a restart', async () => {
    const port = await deadPort();
    const team = await createCareTeam(db());
    const start = later();
    await reminder(team.patient.id, start, 1);
    await reminder(team.patient.id, start, 2);
    const { logger, read } = capture();

    const first = await deliverQueued(db(), { now: start, channels: channelsFor(port), logger });
    // One attempt found the server down; the other waits for the next run instead of timing out too.
    expect(first).toMatchObject({ sent: 0, retrying: 1, deferred: 1 });
    let rows = await deliveriesOf(team.patient.id);
    const tried = rows.find((row) => row.attempts === 1)!;
    expect(tried.status).toBe('queued');
    expect(tried.code).toMatch(/^E[A-Z]+$/);
    expect(tried.next.getTime()).toBe(start.getTime() + retryDelayMs(1));
    expect(read()).toContain('"outcome":"retrying"');

    // Before the backoff has passed nothing is tried again.
    const early = await deliverQueued(db(), { now: new Date(start.getTime() + 30_000), channels: channelsFor(port) });
    expect(early.retrying + early.sent).toBe(0);

    // Down again at the next try: the wait doubles.
    const second = new Date(start.getTime() + retryDelayMs(1));
    await deliverQueued(db(), { now: second, channels: channelsFor(port) });
    rows = await deliveriesOf(team.patient.id);
    const again = rows.find((row) => row.id === tried.id)!;
    expect(again.attempts).toBe(2);
    expect(again.next.getTime()).toBe(second.getTime() + retryDelayMs(2));
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    // The server is back on the same port.
    const server = await smtp({ port });
    const third = new Date(second.getTime() + retryDelayMs(2));
    const back = await deliverQueued(db(), { now: third, channels: channelsFor(port) });
    expect(back.sent).toBe(2);
    expect(server.recipients().filter((to) => to === team.patient.email)).toHaveLength(2);
    const attempts = await db().select().from(notificationAttempts).where(eq(notificationAttempts.deliveryId, tried.id));
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['temporary-failure', 'temporary-failure', 'sent']);

    // A restart: new channels, a later run, and the job that made the notification running again.
    await deliverQueued(db(), { now: new Date(third.getTime() + RETRY_POLICY.leaseMs * 2), channels: channelsFor(port) });
    expect(server.recipients().filter((to) => to === team.patient.email)).toHaveLength(2);
    expect((await deliveriesOf(team.patient.id)).every((row) => row.status === 'sent')).toBe(true);
  });

  it('gives up after the last attempt and records each one', async () => {
    const port = await deadPort();
    const team = await createCareTeam(db());
    let now = later();
    await reminder(team.patient.id, now);
    for (let attempt = 1; attempt <= RETRY_POLICY.maxAttempts; attempt++) {
      await deliverQueued(db(), { now, channels: channelsFor(port) });
      now = new Date(now.getTime() + retryDelayMs(attempt));
    }
    const [row] = await deliveriesOf(team.patient.id);
    expect(row).toMatchObject({ status: 'failed', attempts: RETRY_POLICY.maxAttempts });
    expect(await db().select().from(notificationAttempts).where(eq(notificationAttempts.deliveryId, row!.id))).toHaveLength(RETRY_POLICY.maxAttempts);
  });
});

describe('an address the mail server refuses', () => {
  it('is retired after repeated permanent failures and then sent nothing', async () => {
    const team = await createCareTeam(db());
    const server = await smtp({ rejectRecipients: [team.patient.email] });
    for (let n = 1; n <= RETRY_POLICY.retireAfter; n++) {
      const now = later();
      await reminder(team.patient.id, now, n);
      const summary = await deliverQueued(db(), { now, channels: channelsFor(server.port) });
      expect(summary.failed).toBe(1);
    }
    const [address] = await db().select().from(deliveryAddresses).where(eq(deliveryAddresses.address, team.patient.email));
    expect(address).toMatchObject({ channel: 'email', permanentFailures: RETRY_POLICY.retireAfter });
    expect(address!.retiredAt).not.toBeNull();
    const rows = await deliveriesOf(team.patient.id);
    expect(rows.every((row) => row.status === 'failed' && row.code === 'smtp-550' && row.attempts === 1)).toBe(true);

    const before = server.mailFromSeen;
    const now = later();
    await reminder(team.patient.id, now, 99);
    const summary = await deliverQueued(db(), { now, channels: channelsFor(server.port) });
    expect(summary.retired).toBe(1);
    expect(server.mailFromSeen).toBe(before);
    expect((await deliveriesOf(team.patient.id)).filter((row) => row.status === 'retired')).toHaveLength(1);
  });
});

describe('without SMTP_URL', () => {
  it('keeps the email in the outbox and logs that it was not sent, without its content', async () => {
    const team = await createCareTeam(db());
    const now = later();
    await notify(db(), { userId: team.patient.id, kind: 'reminder', title: 'A private-looking title', href: '/patient', dedupeKey: `test:${crypto.randomUUID()}`, channels: ['email'], now });
    const { logger, read } = capture();
    const channels: DeliveryChannels = { email: emailChannel({ smtp: null, siteUrl: SITE }), push: pushNotConfigured };
    const summary = await deliverQueued(db(), { now, channels, logger });
    expect(summary.notConfigured).toBeGreaterThanOrEqual(1);
    expect(read()).toContain('notifications.not_sent');
    expect(read()).not.toContain('A private-looking title');
    expect(read()).not.toContain(team.patient.email);
    const [row] = await deliveriesOf(team.patient.id);
    expect(row).toMatchObject({ status: 'queued', attempts: 0 });
  });
});

describe('an escalation', () => {
  it('notifies the acting safety lead once from the outbox, and marks it notified', async () => {
    const team = await createCareTeam(db());
    const lead = await createUser(db(), team.clinic.id, 'clinician');
    const leadCover = await createUser(db(), team.clinic.id, 'clinician');
    await db().update(clinics).set({ safetyLeadId: lead.id }).where(eq(clinics.id, team.clinic.id));
    await db().update(users).set({ awaySince: new Date(), coverClinicianId: leadCover.id }).where(eq(users.id, lead.id));
    const now = later();
    await raiseRedFlagAlert(db(), { episodeId: team.episode.id, urgency: '24h', positives: [], answers: {}, now });
    const [alert] = await db().select().from(alerts).where(eq(alerts.episodeId, team.episode.id));
    await db().insert(alertEscalations).values({ alertId: alert!.id, clinicId: team.clinic.id, escalatedTo: lead.id, urgency: '24h', windowMinutes: 60, escalatedAt: now });

    const first = await notifyPendingEscalations(db(), now);
    expect(first.notified).toBeGreaterThanOrEqual(1);
    const again = await notifyPendingEscalations(db(), now);
    expect(again.notified).toBe(0);
    // The lead is away: their cover is told, once.
    const rows = await db().select().from(notifications).where(eq(notifications.kind, 'alert-escalated'));
    const mine = rows.filter((row) => row.clinicId === team.clinic.id);
    expect(mine.map((row) => row.userId)).toEqual([leadCover.id]);
    expect(mine[0]!.title).toBe(`An alert at ${team.clinic.name} has been escalated to you`);
    const [escalation] = await db().select().from(alertEscalations).where(eq(alertEscalations.alertId, alert!.id));
    expect(escalation!.notifiedAt).toEqual(now);
  });
});

describe('the morning summary', () => {
  it('goes at 07:30 in the clinician’s zone with counts only, once a day, and not while they are away', async () => {
    const server = await smtp();
    const clinic = (await createCareTeam(db())).clinic;
    await db().update(clinics).set({ timeZone: 'America/New_York' }).where(eq(clinics.id, clinic.id));
    const clinician = await createUser(db(), clinic.id, 'clinician', { morningDigest: true });
    const away = await createUser(db(), clinic.id, 'clinician', { morningDigest: true });
    await db().update(users).set({ awaySince: new Date(), coverClinicianId: clinician.id }).where(eq(users.id, away.id));
    const patient = await createUser(db(), clinic.id, 'patient');
    const episode = await createEpisode(db(), { clinicId: clinic.id, patientId: patient.id, clinicianId: clinician.id });
    await raiseRedFlagAlert(db(), { episodeId: episode.id, urgency: '24h', positives: [], answers: {}, now: new Date('2031-01-14T20:00:00Z') });

    const digestsFor = async (userId: string) =>
      db().select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, 'digest')));
    // 07:00 in New York in winter is 12:00 UTC: too early.
    await sendMorningDigests(db(), new Date('2031-01-15T12:00:00Z'));
    expect(await digestsFor(clinician.id)).toHaveLength(0);
    // 07:30 New York time: sent; a quarter of an hour later: not again.
    await sendMorningDigests(db(), new Date('2031-01-15T12:30:00Z'));
    await sendMorningDigests(db(), new Date('2031-01-15T12:45:00Z'));
    const digests = await digestsFor(clinician.id);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.title).toBe(`Your morning summary at ${clinic.name}: 1 open alert, 0 escalated to you, 0 unread notifications`);
    expect(await digestsFor(away.id)).toHaveLength(0);
    // In summer New York is UTC−4: 07:30 there is 11:30 UTC.
    await sendMorningDigests(db(), new Date('2031-07-15T11:15:00Z'));
    expect(await digestsFor(clinician.id)).toHaveLength(1);
    await sendMorningDigests(db(), new Date('2031-07-15T11:30:00Z'));
    expect(await digestsFor(clinician.id)).toHaveLength(2);

    await deliverQueued(db(), { now: new Date('2031-07-15T11:31:00Z'), channels: channelsFor(server.port) });
    const mail = server.messages.find((message) => message.to.includes(clinician.email))!;
    const text = `${mail.raw}\n${bodyOf(mail.raw)}`;
    expect(text).toContain('1 open alert');
    for (const secret of [patient.name, RED_FLAG_ALERT_MESSAGES['24h'], episode.pseudonym]) expect(text).not.toContain(secret);
  });
});

describe('old notifications', () => {
  it('are pruned after the retention period with their deliveries', async () => {
    const team = await createCareTeam(db());
    const now = later();
    const old = await reminder(team.patient.id, new Date(now.getTime() - (NOTIFICATION_RETENTION_DAYS + 1) * MS_PER_DAY), 1);
    const recent = await reminder(team.patient.id, new Date(now.getTime() - (NOTIFICATION_RETENTION_DAYS - 1) * MS_PER_DAY), 2);
    expect(await pruneNotifications(db(), now)).toBeGreaterThanOrEqual(1);
    const left = await db().select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, team.patient.id));
    expect(left.map((row) => row.id)).toEqual([recent.status === 'created' ? recent.notificationId : null]);
    expect(await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, old.status === 'created' ? old.notificationId! : ''))).toHaveLength(0);
  });
});
