import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser } from '@/db/factories';
import { appointments, notificationDeliveries, notifications } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { sendAppointmentReminders } from './appointment-reminders';

const db = setupTestDatabase();
const HOUR = 3_600_000;

describe('visit reminders', () => {
  it('sends the 24-hour and 2-hour reminders once each, none for cancelled visits, and nothing with health data', async () => {
    const team = await createCareTeam(db());
    const second = await createUser(db(), team.clinic.id, 'patient');
    const secondEpisode = await createEpisode(db(), { clinicId: team.clinic.id, patientId: second.id, clinicianId: team.clinician.id });
    const now = new Date('2027-03-01T08:00:00Z');
    const insert = (patientId: string, episodeId: string, startsAt: Date, status: 'booked' | 'cancelled' = 'booked') =>
      db()
        .insert(appointments)
        .values({
          clinicId: team.clinic.id,
          episodeId,
          patientId,
          clinicianId: team.clinician.id,
          bookedBy: team.clinician.id,
          kind: 'phone',
          startsAt,
          endsAt: new Date(startsAt.getTime() + HOUR / 2),
          status,
          cancelledAt: status === 'cancelled' ? now : null,
          submissionId: randomUUID(),
        })
        .returning()
        .then((rows) => rows[0]!);
    const tomorrow = await insert(team.patient.id, team.episode.id, new Date(now.getTime() + 23 * HOUR));
    const soon = await insert(second.id, secondEpisode.id, new Date(now.getTime() + 90 * 60_000));
    await insert(team.patient.id, team.episode.id, new Date(now.getTime() + 5 * HOUR), 'cancelled');
    const later = await insert(team.patient.id, team.episode.id, new Date(now.getTime() + 48 * HOUR));

    expect(await sendAppointmentReminders(db(), now)).toEqual({ day: 1, soon: 1 });
    // Run again at once, and from two runners side by side: nothing more.
    expect(await sendAppointmentReminders(db(), now)).toEqual({ day: 0, soon: 0 });
    const twice = await Promise.all([sendAppointmentReminders(db(), now), sendAppointmentReminders(db(), now)]);
    expect(twice).toEqual([{ day: 0, soon: 0 }, { day: 0, soon: 0 }]);

    const sent = await db().select().from(notifications).where(inArray(notifications.userId, [team.patient.id, second.id]));
    expect(sent.map((row) => [row.userId, row.kind, row.dedupeKey]).sort()).toEqual(
      [
        [team.patient.id, 'appointment-reminder', `appointment:${tomorrow.id}:24h`],
        [second.id, 'appointment-reminder', `appointment:${soon.id}:2h`],
      ].sort(),
    );
    // London is on UTC on 1 and 2 March.
    expect(sent.find((row) => row.userId === team.patient.id)?.title).toBe(`Reminder: your appointment at ${team.clinic.name} is on Tuesday 2 March at 07:00`);
    expect(sent.find((row) => row.userId === second.id)?.title).toBe(`Reminder: your appointment at ${team.clinic.name} starts at 09:30`);
    expect(sent.every((row) => row.href === '/patient/appointments')).toBe(true);
    // One email each; no push, since neither patient has a device (notify() queues push only to one).
    const deliveries = await db().select().from(notificationDeliveries).where(inArray(notificationDeliveries.notificationId, sent.map((row) => row.id)));
    expect(deliveries.map((row) => row.channel)).toEqual(['email', 'email']);

    // 22 hours on, the first visit is 1 hour away: its 2-hour reminder, once; the later visit's 24-hour one comes when due.
    const laterNow = new Date(now.getTime() + 22 * HOUR);
    expect(await sendAppointmentReminders(db(), laterNow)).toEqual({ day: 0, soon: 1 });
    expect(await sendAppointmentReminders(db(), new Date(now.getTime() + 25 * HOUR))).toEqual({ day: 1, soon: 0 });
    const [row] = await db().select().from(appointments).where(eq(appointments.id, later.id));
    expect(row!.reminded24hAt).not.toBeNull();
  });
});
