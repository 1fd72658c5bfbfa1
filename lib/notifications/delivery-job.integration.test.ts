import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connection';
import { createCareTeam, createUser } from '@/db/factories';
import { alertEscalations, alerts, clinics, notifications } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { raiseRedFlagAlert } from '@/lib/dal/internal/red-flag-alerts';
import { JOB_KINDS } from '@/lib/jobs/kinds';
import { startJobRunner, type JobRunner } from '@/lib/jobs/runner';

/** The `notification-delivery` job kind run by the real job runner (pg-boss) on a real database. */
let handle: DatabaseHandle;
let runner: JobRunner | undefined;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await runner?.queue.stop({ graceful: false, wait: true, timeout: 2_000 }).catch(() => {});
  await handle.close();
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the notification-delivery job', () => {
  it('tells the safety lead of an escalation from the outbox, and marks it notified', async () => {
    const team = await createCareTeam(handle.db);
    const lead = await createUser(handle.db, team.clinic.id, 'clinician');
    await handle.db.update(clinics).set({ safetyLeadId: lead.id }).where(eq(clinics.id, team.clinic.id));
    await raiseRedFlagAlert(handle.db, { episodeId: team.episode.id, urgency: '24h', positives: [], answers: {}, now: new Date() });
    const [alert] = await handle.db.select().from(alerts).where(eq(alerts.episodeId, team.episode.id));
    await handle.db.insert(alertEscalations).values({ alertId: alert!.id, clinicId: team.clinic.id, escalatedTo: lead.id, urgency: '24h', windowMinutes: 60, escalatedAt: new Date() });

    runner = await startJobRunner(handle, { kinds: JOB_KINDS.filter((kind) => kind.name === 'notification-delivery'), schedules: false, pollingIntervalSeconds: 0.5 });
    await runner.queue.send('notification-delivery', {});
    await waitFor(async () => (await handle.db.select().from(notifications).where(eq(notifications.userId, lead.id))).length > 0);
    const [escalation] = await handle.db.select().from(alertEscalations).where(eq(alertEscalations.alertId, alert!.id));
    expect(escalation!.notifiedAt).not.toBeNull();
    const [notification] = await handle.db.select().from(notifications).where(eq(notifications.userId, lead.id));
    expect(notification).toMatchObject({ kind: 'alert-escalated', href: '/clinician/alerts#escalated-alerts' });
  });
});
