import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as pushSubscriptionPost, DELETE as pushSubscriptionDelete } from '@/app/api/push/subscription/route';
import { GET as unsubscribeGet, POST as unsubscribePost } from '@/app/unsubscribe/[token]/route';
import { createCareTeam, signInAs } from '@/db/factories';
import { auditEvents, clinics, pushSubscriptions, reminderPreferences } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { DEFAULT_REMINDER_PREFERENCES, type ReminderPreferences } from '@/lib/reminders/preferences';
import { unsubscribeToken } from '@/lib/reminders/unsubscribe-token';
import { getMyReminderSettings, getNudgeDays, saveMyReminderPreferences, setNudgeDays } from './reminder-preferences';

const db = setupTestDatabase();

const CHOSEN: ReminderPreferences = {
  exerciseMinutes: [7 * 60 + 30, 18 * 60],
  quiet: { start: 22 * 60, end: 7 * 60 },
  channels: {
    exercise: { 'in-app': true, email: true, push: false },
    questionnaire: { 'in-app': true, email: true, push: true },
    nudge: { 'in-app': false, email: true, push: false },
  },
};

async function refusedWith(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'allowed';
}

describe('reminder preferences', () => {
  it('a patient sees the defaults, then their own saved choices; the change is audited', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    expect((await getMyReminderSettings()).preferences).toEqual(DEFAULT_REMINDER_PREFERENCES);
    await saveMyReminderPreferences(CHOSEN);
    const settings = await getMyReminderSettings();
    expect(settings.preferences).toEqual(CHOSEN);
    expect(settings.nudgeDays).toBe(3);
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.actorId, team.patient.id), eq(auditEvents.action, 'patient.reminder-preferences.update')));
    expect(audit).toHaveLength(1);
  });

  it('staff have no reminder preferences; no session is unauthenticated', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.clinician.id);
    expect(await refusedWith(getMyReminderSettings())).toBe('forbidden');
    expect(await refusedWith(saveMyReminderPreferences(CHOSEN))).toBe('forbidden');
    await signInAs(db(), null);
    expect(await refusedWith(saveMyReminderPreferences(CHOSEN))).toBe('unauthenticated');
  });

  it('the database refuses impossible values even if a bug let them through', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    await expect(saveMyReminderPreferences({ ...CHOSEN, exerciseMinutes: [1440] })).rejects.toThrow(/23514/);
    await expect(saveMyReminderPreferences({ ...CHOSEN, quiet: { start: 60, end: 60 } })).rejects.toThrow(/23514/);
    await expect(saveMyReminderPreferences({ ...CHOSEN, exerciseMinutes: [1, 2, 3, 4, 5, 6, 7] })).rejects.toThrow(/23514/);
    expect((await getMyReminderSettings()).preferences).toEqual(DEFAULT_REMINDER_PREFERENCES);
  });

  it('a manager sets the clinic’s nudge days; a clinician cannot', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    await setNudgeDays(5);
    expect(await getNudgeDays()).toBe(5);
    const [clinic] = await db().select().from(clinics).where(eq(clinics.id, team.clinic.id));
    expect(clinic!.reminderNudgeDays).toBe(5);
    await signInAs(db(), team.clinician.id);
    expect(await refusedWith(setNudgeDays(2))).toBe('forbidden');
  });
});

describe('one-click unsubscribe', () => {
  const post = (token: string) =>
    unsubscribePost(new Request(`http://localhost/unsubscribe/${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), {
      params: Promise.resolve({ token }),
    });

  it('GET only asks; POST, with no one signed in, turns off that kind by email and nothing else', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    await saveMyReminderPreferences(CHOSEN);
    await signInAs(db(), null);
    const token = unsubscribeToken(team.patient.id, 'exercise');

    const page = await unsubscribeGet(new Request(`http://localhost/unsubscribe/${token}`), { params: Promise.resolve({ token }) });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Stop exercise reminders by email');
    const [untouched] = await db().select().from(reminderPreferences).where(eq(reminderPreferences.userId, team.patient.id));
    expect(untouched!.exerciseEmail).toBe(true);

    const done = await post(token);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You will no longer get exercise reminders by email');
    await signInAs(db(), team.patient.id);
    const after = (await getMyReminderSettings()).preferences;
    expect(after).toEqual({ ...CHOSEN, channels: { ...CHOSEN.channels, exercise: { ...CHOSEN.channels.exercise, email: false } } });
    // A second click changes nothing more.
    expect((await post(token)).status).toBe(200);
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.actorId, team.patient.id), eq(auditEvents.action, 'patient.reminder-email.unsubscribe')));
    expect(audit).toHaveLength(1);
  });

  it('a tampered or foreign token changes nothing', async () => {
    const team = await createCareTeam(db());
    const other = await createCareTeam(db());
    const token = unsubscribeToken(team.patient.id, 'nudge');
    const forged = token.replace(team.patient.id, other.patient.id);
    const wrongKind = token.replace('.n.', '.x.');
    for (const bad of [forged, wrongKind, `${token}x`, 'u1.nonsense', '']) {
      expect((await post(bad)).status).toBe(404);
    }
    // A staff member's id signed properly still changes nothing: only patients have reminders.
    expect((await post(unsubscribeToken(team.clinician.id, 'nudge'))).status).toBe(404);
    expect(await db().select().from(reminderPreferences).where(eq(reminderPreferences.userId, other.patient.id))).toEqual([]);
  });
});

describe('push subscription route', () => {
  const browserKey = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url');
  const subscription = (endpoint: string) => ({ endpoint, expirationTime: null, keys: { p256dh: browserKey, auth: Buffer.alloc(16, 1).toString('base64url') } });
  const call = (handler: typeof pushSubscriptionPost, body: unknown, origin: string | null = 'http://localhost:3000') =>
    handler(
      new Request('http://localhost:3000/api/push/subscription', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', host: 'localhost:3000', ...(origin ? { origin } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );

  it('keeps a well-formed subscription from the portal’s own page for the signed-in person', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    const endpoint = `https://push.example/${team.patient.id}`;
    const response = await call(pushSubscriptionPost, subscription(endpoint));
    expect(response.status).toBe(201);
    const rows = await db().select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, team.patient.id));
    expect(rows.map((row) => row.endpoint)).toEqual([endpoint]);
    expect((await getMyReminderSettings()).pushDevices).toBe(1);

    // The same device signed in as someone else moves to them.
    await signInAs(db(), team.clinician.id);
    expect((await call(pushSubscriptionPost, subscription(endpoint))).status).toBe(201);
    const [moved] = await db().select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
    expect(moved!.userId).toBe(team.clinician.id);

    // Only the owner can stop it.
    await signInAs(db(), team.patient.id);
    expect(await (await call(pushSubscriptionDelete, { endpoint })).json()).toEqual({ ok: false });
    await signInAs(db(), team.clinician.id);
    expect(await (await call(pushSubscriptionDelete, { endpoint })).json()).toEqual({ ok: true });
    const [retired] = await db().select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
    expect(retired!.retiredAt).not.toBeNull();
  });

  it('refuses another origin, a missing origin, a malformed subscription and no session, storing nothing', async () => {
    const team = await createCareTeam(db());
    await signInAs(db(), team.patient.id);
    const endpoint = `https://push.example/refused-${team.patient.id}`;
    const crossSite = await call(pushSubscriptionPost, subscription(endpoint), 'https://evil.example');
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).message).toMatch(/Uplift’s own pages/);
    expect((await call(pushSubscriptionPost, subscription(endpoint), null)).status).toBe(403);

    const cases: [unknown, RegExp][] = [
      [subscription('http://push.example/plain'), /https address/],
      [subscription('not a url'), /https address/],
      [{ ...subscription(endpoint), keys: { p256dh: 'short', auth: Buffer.alloc(16).toString('base64url') } }, /encryption key is not valid/],
      [{ ...subscription(endpoint), keys: { p256dh: browserKey, auth: 'abc' } }, /secret is not valid/],
      [{ ...subscription(endpoint), userId: team.clinician.id }, /./],
      ['{not json', /Not a push subscription/],
      [[subscription(endpoint)], /./],
    ];
    for (const [body, message] of cases) {
      const response = await call(pushSubscriptionPost, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).message).toMatch(message);
    }
    await signInAs(db(), null);
    expect((await call(pushSubscriptionPost, subscription(endpoint))).status).toBe(401);
    expect(await db().select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint))).toEqual([]);
  });
});
