import { and, count, eq, sql } from 'drizzle-orm';
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

      // Exactly one patient is clearly worsening, with an open alert.
      const worsening = await db.select({ n: count() }).from(t.alerts).where(and(eq(t.alerts.reason, 'worsening')));
      expect(worsening[0]!.n).toBe(1);

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
