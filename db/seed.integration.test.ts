import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './testing';
import { seedDemo } from './seed';
import * as t from './schema';
import { executeRows } from './rows';

describe('seedDemo', () => {
  it('builds the demo clinic with the accounts and history the README promises', async () => {
    const handle = await createTestDatabase();
    try {
      const db = handle.db;
      const summary = await seedDemo(db, { now: new Date('2026-11-28T12:00:00Z') });
      const accounts = await db.select({ email: t.users.email, role: t.users.role }).from(t.users);
      const byEmail = new Map(accounts.map((account) => [account.email, account.role]));
      expect(byEmail.get('manager@demo.test')).toBe('manager');
      expect(byEmail.get('clinician@demo.test')).toBe('clinician');
      expect(byEmail.get('clinician2@demo.test')).toBe('clinician');
      expect(byEmail.get('patient@demo.test')).toBe('patient');
      expect(byEmail.get('patient2@demo.test')).toBe('patient');

      const caseloads = await executeRows<{ clinician: string; patients: string[] }>(
        db,
        sql`select c.email as clinician, array_agg(p.email) as patients from episodes e
            join users c on c.id = e.clinician_id join users p on p.id = e.patient_id
            where e.status = 'active' group by c.email`,
      );
      const first = caseloads.find((row) => row.clinician === 'clinician@demo.test')!.patients;
      const second = caseloads.find((row) => row.clinician === 'clinician2@demo.test')!.patients;
      expect(first).toContain('patient@demo.test');
      expect(first.length).toBeGreaterThanOrEqual(9);
      expect(second).toContain('patient2@demo.test');
      expect(second).not.toContain('patient@demo.test');

      // Daily pain over 8–12 weeks, ODI at baseline, week 4 and week 8, ROM every one to two weeks.
      const history = await executeRows<{ email: string; days: number; odi: number; rom_dates: number }>(
        db,
        sql`select p.email,
              (select (max(local_day) - min(local_day))::int from pain_entries where episode_id = e.id) as days,
              (select count(*)::int from questionnaire_responses where episode_id = e.id and instrument = 'ODI') as odi,
              (select count(distinct measured_at)::int from measurements where episode_id = e.id) as rom_dates
            from episodes e join users p on p.id = e.patient_id where e.status = 'active'`,
      );
      for (const row of history) {
        expect(row.days, row.email).toBeGreaterThanOrEqual(8 * 7 - 2);
        expect(row.days, row.email).toBeLessThanOrEqual(12 * 7);
        expect(row.odi, row.email).toBe(3);
        expect(row.rom_dates, row.email).toBeGreaterThanOrEqual(4);
      }
      expect(summary.exerciseLogs).toBeGreaterThan(1000);

      // Exactly one patient is clearly worsening, with an open alert raised by the pain rules at their last log.
      const worsening = await executeRows<{ email: string; raised_at: string; last_log: string }>(
        db,
        sql`select p.email, a.raised_at::text, (select max(recorded_at)::text from pain_entries where episode_id = e.id) as last_log
            from alerts a join episodes e on e.id = a.episode_id join users p on p.id = e.patient_id where a.reason = 'worsening'`,
      );
      expect(worsening).toEqual([{ email: 'derek.hughes@demo.test', raised_at: worsening[0]!.last_log, last_log: worsening[0]!.last_log }]);

      // Alex Morgan's patient reported a weakening leg 6 hours before the seed's clock; nobody acknowledged it
      // within the 4-hour window, so the escalation evaluation passed it to the safety lead, Sam Patel, with an audit row.
      const escalated = await executeRows<{ email: string; clinician: string; urgency: string; raised_at: string; lead: string; window_minutes: number; escalated_at: string; answers: Record<string, boolean> }>(
        db,
        sql`select p.email, c.email as clinician, a.urgency, a.raised_at::text, l.email as lead, x.window_minutes, x.escalated_at::text,
              (select answers from red_flag_screens s where s.episode_id = e.id and s.urgency is not null) as answers
            from alert_escalations x join alerts a on a.id = x.alert_id join episodes e on e.id = a.episode_id
            join users p on p.id = e.patient_id join users c on c.id = e.clinician_id join users l on l.id = x.escalated_to
            where a.reason = 'red-flag'`,
      );
      expect(escalated).toHaveLength(1);
      expect(escalated[0]).toMatchObject({ email: 'ivan.petrov@demo.test', clinician: 'clinician2@demo.test', urgency: 'same-day', lead: 'clinician@demo.test', window_minutes: 240 });
      expect(new Date(escalated[0]!.raised_at).toISOString()).toBe('2026-11-28T06:00:00.000Z');
      expect(new Date(escalated[0]!.escalated_at).toISOString()).toBe('2026-11-28T12:00:00.000Z');
      expect(escalated[0]!.answers['leg-weakness-worsening']).toBe(true);
      expect(Object.values(escalated[0]!.answers).filter(Boolean)).toHaveLength(1);
      const escalationAudit = await executeRows<{ n: number }>(db, sql`select count(*)::int as n from audit_events where action = 'alert.escalate'`);
      const escalations = await executeRows<{ n: number }>(db, sql`select count(*)::int as n from alert_escalations`);
      expect(escalationAudit[0]!.n).toBe(escalations[0]!.n);
      // The same rules also find Derek's pain at 8 or more on his last two days: the engine's alerts, no hand-made rows.
      const open = await executeRows<{ email: string; reason: string }>(
        db,
        sql`select p.email, a.reason from alerts a join episodes e on e.id = a.episode_id join users p on p.id = e.patient_id order by a.reason::text`,
      );
      expect(open).toEqual([
        { email: 'ivan.petrov@demo.test', reason: 'red-flag' },
        { email: 'derek.hughes@demo.test', reason: 'severe-pain' },
        { email: 'derek.hughes@demo.test', reason: 'worsening' },
      ]);

      // Deterministic: a second database seeded with the same seed and date tells the same story.
      const again = await createTestDatabase();
      try {
        const repeat = await seedDemo(again.db, { now: new Date('2026-11-28T12:00:00Z') });
        expect({ ...repeat, clinicId: '' }).toEqual({ ...summary, clinicId: '' });
      } finally {
        await again.close();
      }
      await expect(seedDemo(db)).rejects.toThrow(/already exists/);
    } finally {
      await handle.close();
    }
  }, 120_000);
});
