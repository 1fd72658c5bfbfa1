import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCareTeam } from '@/db/factories';
import { auditEvents } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { issueDeviceCookie } from '@/lib/auth/device-cookie';
import { requestPasswordReset } from './password-reset-request';

const db = setupTestDatabase();

// Mail configured but nobody listening: the link is issued and audited, the send fails quietly.
// These tests count issued links in the audit trail; delivery has its own tests.
beforeAll(() => {
  process.env.SMTP_URL = 'smtp://127.0.0.1:9';
  process.env.SMTP_FROM = 'noreply@clinic.example';
  process.env.AUTH_URL = 'https://uplift.clinic.example';
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(() => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  delete process.env.AUTH_URL;
});

async function linksIssued(userId: string, outcome: 'success' | 'denied' = 'success') {
  const rows = await db()
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, userId), eq(auditEvents.action, 'account.reset-requested'), eq(auditEvents.outcome, outcome)));
  return rows.length;
}

describe('reset-email requests are throttled like sign-in', () => {
  it('ten requests at once for one address issue at most three links', async () => {
    const { patient } = await createCareTeam(db());
    await Promise.all(Array.from({ length: 10 }, (_, index) => requestPasswordReset(patient.email, `192.0.2.${index + 1}`)));
    expect(await linksIssued(patient.id)).toBe(3);
    expect(await linksIssued(patient.id, 'denied')).toBe(7);
  });

  it('a stranger flooding requests does not stop the person’s own browser getting a link', async () => {
    const { patient } = await createCareTeam(db());
    for (let request = 0; request < 8; request += 1) await requestPasswordReset(patient.email, `192.0.2.${100 + request}`);
    expect(await linksIssued(patient.id)).toBe(3);
    const device = issueDeviceCookie(patient.id).value;
    await requestPasswordReset(patient.email, '192.0.2.200', [device]);
    expect(await linksIssued(patient.id)).toBe(4);
  });

  it('one address asking for many people’s links is delayed after twenty', async () => {
    const team = await createCareTeam(db());
    const others = await Promise.all(Array.from({ length: 7 }, () => createCareTeam(db())));
    const people = [team.patient, team.clinician, team.manager, ...others.flatMap((other) => [other.patient, other.clinician, other.manager])];
    for (const person of people) await requestPasswordReset(person.email, '192.0.2.250');
    let issued = 0;
    for (const person of people) issued += await linksIssued(person.id);
    expect(people.length).toBeGreaterThan(20);
    expect(issued).toBe(20);
  });
});
