import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connection';
import { executeRows } from '../../db/rows';
import { createTestDatabase, setupTestDatabase } from '../../db/testing';
import { scoreOdi } from '../../lib/clinical/odi';
import { Batch } from './bulk';
import { benchAccounts, generateClinic, generatedClinicName } from './clinic';

const db = setupTestDatabase();
const now = new Date('2026-11-20T12:00:00Z');
const extra: DatabaseHandle[] = [];
afterAll(async () => Promise.all(extra.map((handle) => handle.close())));

describe('Batch', () => {
  it('round-trips text that needs quoting in an array literal', async () => {
    await db().execute(sql`create temporary table roundtrip (a text, b text[], c jsonb, d int2, e timestamptz)`);
    const tricky = ['plain', 'a "quoted" word', 'back\\slash', 'comma, {braces}', 'NULL', '', 'ünï ✓\nnew line'];
    const batch = new Batch('roundtrip', [['a', 'text'], ['b', 'text[]'], ['c', 'jsonb'], ['d', 'int2'], ['e', 'timestamptz']]);
    tricky.forEach((text, i) => batch.add([text, [text, 'x'], { text, n: i }, i, new Date(Date.UTC(2026, 0, 1 + i))]));
    batch.add([null, [], null, null, null]);
    expect(await batch.flush(db())).toBe(tricky.length + 1);
    const rows = await executeRows<{ a: string | null; b: string[]; c: { text: string } | null; d: number | null }>(db(), sql`select a, b, c, d from roundtrip order by d nulls last`);
    expect(rows.map((row) => row.a)).toEqual([...tricky, null]);
    expect(rows.slice(0, -1).map((row) => row.b[0])).toEqual(tricky);
    expect(rows.slice(0, -1).map((row) => row.c?.text)).toEqual(tricky);
    expect(rows.at(-1)).toMatchObject({ b: [], c: null, d: null });
  });
});

describe('generateClinic', () => {
  it('builds a clinic with the benchmark caseload, consistent scores and no second copy', { timeout: 120_000 }, async () => {
    const summary = await generateClinic(db(), { patients: 40, now });
    expect(summary.clinicName).toBe(generatedClinicName(40));
    expect(summary.clinicians).toBe(2);
    expect(summary.rows.pain_entries).toBeGreaterThan(40 * 50);
    expect(summary.rows.exercise_logs).toBeGreaterThan(40 * 50);

    const [caseload] = await executeRows<{ active: number; has_patient_one: boolean }>(
      db(),
      sql`select count(*)::int as active, bool_or(p.email = ${benchAccounts(40).patient}) as has_patient_one
          from episodes e join users c on c.id = e.clinician_id join users p on p.id = e.patient_id
          where c.email = ${benchAccounts(40).clinician} and e.status = 'active'`,
    );
    expect(caseload).toEqual({ active: summary.benchCaseload, has_patient_one: true });

    // Stored ODI scores are what the clinical library computes from the stored answers.
    const odi = await executeRows<{ answers: { sections: (number | null)[] }; score: number | null }>(db(), sql`select answers, score from questionnaire_responses where instrument = 'ODI' limit 50`);
    for (const row of odi) expect(row.score).toBe(scoreOdi(row.answers.sections).score);

    // Every pain entry falls inside its episode and on the local day it claims.
    const [outside] = await executeRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from pain_entries p join episodes e on e.id = p.episode_id
          where p.recorded_at < e.started_at - interval '1 day' or p.recorded_at > coalesce(e.discharged_at, now()) + interval '1 day'
             or p.local_day <> (p.recorded_at at time zone 'Europe/London')::date`,
    );
    expect(outside?.n).toBe(0);

    // The summaries the triggers kept through the bulk inserts equal a full recount of every episode.
    const snapshot = sql`select md5(string_agg((to_jsonb(s) - 'updated_at')::text, ',' order by s.episode_id)) as digest, count(*)::int as n
                         from episode_summaries s`;
    const [kept] = await executeRows<{ digest: string; n: number }>(db(), snapshot);
    await db().execute(sql`select episode_summaries_refresh(array(select id from episodes))`);
    const [recounted] = await executeRows<{ digest: string; n: number }>(db(), snapshot);
    expect(kept!.n).toBeGreaterThan(40);
    expect(kept).toEqual(recounted);

    await expect(generateClinic(db(), { patients: 40, now })).rejects.toThrow(/already exists/);
  });

  // Two databases and two clinics: slower than the default timeout on a busy machine.
  it('tells the same story for the same seed', { timeout: 180_000 }, async () => {
    const handles = [await createTestDatabase(), await createTestDatabase()];
    extra.push(...handles);
    const fingerprints: string[] = [];
    for (const handle of handles) {
      await generateClinic(handle.db, { patients: 12, now, seed: 99 });
      const [row] = await executeRows<{ fingerprint: string }>(
        handle.db,
        sql`select md5(string_agg(p.id::text || p.score || p.recorded_at::text, ',' order by p.id)) as fingerprint from pain_entries p`,
      );
      fingerprints.push(row!.fingerprint);
    }
    expect(fingerprints[0]).toBe(fingerprints[1]);
  });
});
