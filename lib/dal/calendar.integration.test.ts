import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { GET as feedRoute } from '@/app/api/calendar/[token]/route';
import { GET as visitRoute } from '@/app/patient/appointments/[id]/calendar/route';
import { createCareTeam, signInAs } from '@/db/factories';
import { appointments, auditEvents, users } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { bookVisit } from './appointments';
import { createMyCalendarFeed, getMyCalendarFeed, revokeMyCalendarFeed } from './calendar';

const db = setupTestDatabase();

async function teamWithVisit() {
  const team = await createCareTeam(db());
  await signInAs(db(), team.clinician.id);
  await bookVisit(team.episode.id, { submissionId: randomUUID(), kind: 'in-person', day: '2027-07-14', time: '10:00', minutes: 30, location: 'Room 2', videoUrl: '' });
  const [visit] = await db().select().from(appointments).where(eq(appointments.patientId, team.patient.id));
  return { ...team, visit: visit! };
}

const feed = (token: string) => feedRoute(new Request(`http://uplift.test/api/calendar/${token}`), { params: Promise.resolve({ token }) });
const visitFile = (id: string) => visitRoute(new Request(`http://uplift.test/patient/appointments/${id}/calendar`), { params: Promise.resolve({ id }) });

describe('a visit as an .ics file', () => {
  it('downloads the patient’s own visit with its UTC time and their zone; anyone else gets 404 or 403', async () => {
    const team = await teamWithVisit();
    await db().update(users).set({ timeZone: 'America/New_York' }).where(eq(users.id, team.patient.id));
    await signInAs(db(), team.patient.id);
    const response = await visitFile(team.visit.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="visit-2027-07-14.ics"');
    const parsed = ical.sync.parseICS(await response.text());
    const event = parsed[`${team.visit.id}@uplift`] as VEvent;
    expect(event.start.toISOString()).toBe('2027-07-14T09:00:00.000Z');
    expect(event.description).toBe('Wednesday, 14 July 2027, 05:00–05:30 (America/New_York).');
    expect((parsed.vcalendar as unknown as Record<string, string>)['WR-TIMEZONE']).toBe('America/New_York');

    const stranger = await createCareTeam(db());
    await signInAs(db(), stranger.patient.id);
    expect((await visitFile(team.visit.id)).status).toBe(404);
    await signInAs(db(), team.clinician.id);
    expect((await visitFile(team.visit.id)).status).toBe(403);
    await signInAs(db(), null);
    expect((await visitFile(team.visit.id)).status).toBe(401);
  });
});

describe('the private calendar feed', () => {
  it('serves the patient’s visits behind a secret they can replace and revoke; old, revoked or made-up addresses are 404', async () => {
    const team = await teamWithVisit();
    await signInAs(db(), team.patient.id);
    expect(await getMyCalendarFeed()).toBeNull();
    const { secret: first } = await createMyCalendarFeed();
    expect(await getMyCalendarFeed()).not.toBeNull();
    // Only the hash is stored.
    expect(JSON.stringify(await db().select().from(auditEvents).where(eq(auditEvents.patientId, team.patient.id)))).not.toContain(first);

    await signInAs(db(), null);
    const served = await feed(first);
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('private, no-store');
    const events = Object.values(ical.sync.parseICS(await served.text())).filter((item) => item?.type === 'VEVENT') as VEvent[];
    expect(events.map((event) => event.start.toISOString())).toEqual(['2027-07-14T09:00:00.000Z']);
    expect((await feed(`${first}.ics`)).status).toBe(200);

    // A new address replaces the old one.
    await signInAs(db(), team.patient.id);
    const { secret: second } = await createMyCalendarFeed();
    await signInAs(db(), null);
    expect((await feed(first)).status).toBe(404);
    expect((await feed(second)).status).toBe(200);

    // Revoked: 404 with nothing in the body.
    await signInAs(db(), team.patient.id);
    expect(await revokeMyCalendarFeed()).toBe(true);
    expect(await revokeMyCalendarFeed()).toBe(false);
    await signInAs(db(), null);
    const gone = await feed(second);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toBe('Not found');
    expect((await feed('not-a-token')).status).toBe(404);
    expect((await feed(first.replace(/^./, first[0] === 'A' ? 'B' : 'A'))).status).toBe(404);
    const denied = await db().select().from(auditEvents).where(eq(auditEvents.action, 'calendar-feed.read'));
    expect(denied.filter((row) => row.outcome === 'denied').length).toBeGreaterThanOrEqual(4);
  });

  it('another patient’s feed shows only that patient’s visits, and a closed account’s feed stops', async () => {
    const team = await teamWithVisit();
    const other = await teamWithVisit();
    await signInAs(db(), other.patient.id);
    const { secret } = await createMyCalendarFeed();
    await signInAs(db(), null);
    const text = await (await feed(secret)).text();
    expect(text).toContain(`${other.visit.id}@uplift`);
    expect(text).not.toContain(`${team.visit.id}@uplift`);
    await db().update(users).set({ active: false }).where(eq(users.id, other.patient.id));
    expect((await feed(secret)).status).toBe(404);
  });

  it('refuses staff', async () => {
    const team = await teamWithVisit();
    await signInAs(db(), team.clinician.id);
    await expect(createMyCalendarFeed()).rejects.toMatchObject({ code: 'forbidden' });
  });
});
