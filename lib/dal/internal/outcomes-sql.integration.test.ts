/**
 * Outcome SQL against a small hand-made clinic. Every expected value is worked out by hand in the
 * comments beside it, from the data built in beforeAll.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClinic, createEpisode, createUser, daysAfter, insertExerciseLogRows, insertPainEntryRow, insertPlanWithItems, insertQuestionnaireResponseRow } from '@/db/factories';
import { executeRows } from '@/db/rows';
import { setupTestDatabase } from '@/db/testing';
import { nprsBand, nprsImprovement } from '@/lib/clinical/nprs';
import { odiImprovement } from '@/lib/clinical/odi';
import { meanCi95 } from '@/lib/clinical/stats';
import { OUTCOME_MCID } from '@/lib/outcomes/definitions';
import { groupFigures, type GroupAggregates } from '@/lib/outcomes/figures';
import { aggregateOutcomes, listEpisodeOutcomes, mcidMet, severityCase, type AggregateRow, type OutcomeScope } from './outcomes-sql';

const db = setupTestDatabase();

const NOW = new Date('2026-06-15T12:00:00Z');
const WEEK = 7;
let scope: OutcomeScope;
let clinicianA = '';
let clinicianB = '';

/**
 * Clinician A: six discharged episodes A1–A6. Clinician B: three active episodes B1–B3.
 * One more episode starts before the range and one belongs to another clinic: neither may count.
 */
beforeAll(async () => {
  const clinic = await createClinic(db());
  const a = await createUser(db(), clinic.id, 'clinician');
  const b = await createUser(db(), clinic.id, 'clinician');
  clinicianA = a.id;
  clinicianB = b.id;
  scope = { clinicId: clinic.id, from: new Date('2025-06-15T00:00:00Z'), to: new Date('2026-06-16T00:00:00Z'), clinicianId: null, timeZone: 'Europe/London', now: NOW };

  type Spec = {
    clinician: string;
    start: string;
    weeks?: number;
    intake?: number;
    pain: [dayOffset: number, score: number][];
    odi?: [dayOffset: number, score: number | null][];
    risk?: 'low' | 'medium' | 'high';
    plan?: { items: { timesPerDay: number; daysPerWeek: number }[]; logs: number; v2DaysBeforeEnd?: number };
  };
  const make = async (spec: Spec) => {
    const patient = await createUser(db(), clinic.id, 'patient');
    const startedAt = new Date(spec.start);
    const dischargedAt = spec.weeks ? daysAfter(startedAt, spec.weeks * WEEK) : null;
    const episode = await createEpisode(db(), {
      clinicId: clinic.id,
      patientId: patient.id,
      clinicianId: spec.clinician,
      startedAt,
      // The baseline is the intake score; here it is also the first score logged, as clinics usually record it.
      intakeNprs: spec.intake ?? spec.pain[0]?.[1] ?? 5,
      status: dischargedAt ? 'discharged' : 'active',
      dischargedAt,
    });
    // Offsets ≥ 0 count from the start; negative ones count back from discharge (or now).
    const end = dischargedAt ?? NOW;
    const at = (offset: number) => (offset >= 0 ? daysAfter(startedAt, offset) : daysAfter(end, offset));
    for (const [offset, score] of spec.pain) await insertPainEntryRow(db(), episode.id, score, at(offset));
    for (const [offset, score] of spec.odi ?? []) {
      await insertQuestionnaireResponseRow(db(), episode.id, { instrument: 'ODI', score, completedAt: score === null ? null : at(offset) });
    }
    if (spec.risk) {
      await insertQuestionnaireResponseRow(db(), episode.id, { instrument: 'STARTBACK', score: 5, band: spec.risk, completedAt: at(0.1) });
    }
    if (spec.plan) {
      const { items } = await insertPlanWithItems(db(), { episodeId: episode.id, clinicId: clinic.id, createdBy: spec.clinician, version: 1, createdAt: dischargedAt ? startedAt : daysAfter(NOW, -10), items: spec.plan.items });
      let logItem = items[0]!.id;
      if (spec.plan.v2DaysBeforeEnd) {
        const v2 = await insertPlanWithItems(db(), { episodeId: episode.id, clinicId: clinic.id, createdBy: spec.clinician, version: 2, createdAt: daysAfter(end, -spec.plan.v2DaysBeforeEnd), items: [...spec.plan.items, ...spec.plan.items] });
        logItem = v2.items[0]!.id;
      }
      // Logs one a day ending an hour before the end, all inside the 28-day window.
      await insertExerciseLogRows(db(), { episodeId: episode.id, planItemId: logItem, lastAt: new Date(end.getTime() - 3_600_000), count: spec.plan.logs });
    }
    return episode;
  };

  const daily = [{ timesPerDay: 1, daysPerWeek: 7 }];
  // A1: pain 8 → 4 (−4, MCID by points). ODI 40 → 20 (−20, MCID). 28 prescribed, 24 logged (22 done + 2 partial) → 86 % adherent.
  const a1 = await make({ clinician: a.id, start: '2025-09-01T09:00:00Z', weeks: 6, pain: [[1, 8], [-1, 4]], odi: [[2, 40], [-1, 20]], risk: 'high', plan: { items: daily, logs: 22 } });
  const a1Plan = await executeRows<{ id: string }>(db(), sql`select i.id from plan_items i join plans p on p.id = i.plan_id where p.episode_id = ${a1.id}`);
  await insertExerciseLogRows(db(), { episodeId: a1.id, planItemId: a1Plan[0]!.id, lastAt: daysAfter(a1.dischargedAt!, -25), count: 2, status: 'partial' });
  // …and outside the window or skipped: not counted.
  await insertExerciseLogRows(db(), { episodeId: a1.id, planItemId: a1Plan[0]!.id, lastAt: daysAfter(a1.dischargedAt!, -30), count: 1 });
  await insertExerciseLogRows(db(), { episodeId: a1.id, planItemId: a1Plan[0]!.id, lastAt: daysAfter(a1.dischargedAt!, -2), count: 1, status: 'skipped' });
  // A2: pain 6 → 5 at discharge (−1, 17 %: no MCID); a score of 1 after discharge is its latest, not its discharge.
  // ODI 30 → 27 (−3, 10 %: no). Plan v1 1/day, v2 (2/day) from 14 days before discharge: 14 + 28 = 42 prescribed, 21 logged → 50 %.
  await make({ clinician: a.id, start: '2025-10-01T09:00:00Z', weeks: 8, pain: [[1, 6], [-1, 5], [1 + 8 * WEEK, 1]], odi: [[3, 30], [-2, 27]], risk: 'high', plan: { items: daily, logs: 21, v2DaysBeforeEnd: 14 } });
  // A3: pain 7 → 5 (−2: MCID by points). ODI first done on day 20, outside the 14-day baseline window: no baseline ODI,
  // so no ODI change. 28 prescribed, 10 logged → 36 %.
  await make({ clinician: a.id, start: '2025-11-03T09:00:00Z', weeks: 10, pain: [[1, 7], [-1, 5]], odi: [[20, 50], [-1, 30]], risk: 'high', plan: { items: daily, logs: 10 } });
  // A4: pain 3 → 2 (−1, 33 %: MCID by percent). ODI 24 → 16 (−8, 33 %: MCID). 2 a day for 28 days = 56 prescribed, 5 logged → 9 %.
  await make({ clinician: a.id, start: '2025-12-01T09:00:00Z', weeks: 4, pain: [[1, 3], [-1, 2]], odi: [[1, 24], [-1, 16]], risk: 'high', plan: { items: [{ timesPerDay: 2, daysPerWeek: 7 }], logs: 5 } });
  // A5: pain 5 → 5 (0). ODI 60 → 48 (−12: MCID); an unfinished ODI without a score is ignored. 5 days a week: 20 prescribed, 20 logged → 100 %.
  await make({ clinician: a.id, start: '2026-01-05T09:00:00Z', weeks: 12, pain: [[1, 5], [-1, 5]], odi: [[0.5, null], [1, 60], [-1, 48]], risk: 'high', plan: { items: [{ timesPerDay: 1, daysPerWeek: 5 }], logs: 20 } });
  // A6: intake pain 4 and no score logged: no follow-up, so no pain change. ODI 36 → 34 (−2: no). No plan: no adherence figure.
  await make({ clinician: a.id, start: '2026-02-02T09:00:00Z', weeks: 7, intake: 4, pain: [], odi: [[1, 36], [-1, 34]], risk: 'low' });
  // B1: active, pain 7 → 3. Baseline ODI only. Plan from 10 days ago, 1 a day: 10 prescribed, 9 logged → 90 %.
  await make({ clinician: b.id, start: '2026-04-01T09:00:00Z', pain: [[1, 7], [-1, 3]], odi: [[1, 44]], plan: { items: daily, logs: 9 } });
  // B2: active, pain 5 → 6.
  await make({ clinician: b.id, start: '2026-04-15T09:00:00Z', pain: [[1, 5], [-1, 6]] });
  // B3: active, no pain scores: baseline is the intake score 9 (severe), with no latest score.
  await make({ clinician: b.id, start: '2026-05-01T09:00:00Z', intake: 9, pain: [] });

  // Outside the scope: started before the range, and another clinic's episode.
  await make({ clinician: a.id, start: '2025-05-01T09:00:00Z', weeks: 6, pain: [[1, 9], [-1, 1]] });
  const other = await createClinic(db());
  const otherClinician = await createUser(db(), other.id, 'clinician');
  const otherPatient = await createUser(db(), other.id, 'patient');
  const foreign = await createEpisode(db(), { clinicId: other.id, patientId: otherPatient.id, clinicianId: otherClinician.id, startedAt: new Date('2026-01-01T09:00:00Z') });
  await insertPainEntryRow(db(), foreign.id, 9, new Date('2026-01-02T09:00:00Z'));
  await insertPainEntryRow(db(), foreign.id, 1, new Date('2026-02-02T09:00:00Z'));
});

const find = (rows: AggregateRow[], dimension: AggregateRow['dimension'], key: string | null = null) => {
  const row = rows.find((candidate) => candidate.dimension === dimension && candidate.key === key);
  if (!row) throw new Error(`no ${dimension} ${key} row`);
  return row as GroupAggregates;
};

describe('aggregateOutcomes: the whole clinic', () => {
  it('counts episodes started in the range, active and discharged, and nothing from elsewhere', async () => {
    const all = find(await aggregateOutcomes(db(), scope), 'all');
    expect(groupFigures(all).counts).toEqual({ reportable: true, started: 9, active: 3, discharged: 6 });
  });

  it('gives the mean change in pain to discharge with its t interval', async () => {
    const figures = groupFigures(find(await aggregateOutcomes(db(), scope), 'all'));
    // Changes −4, −1, −2, −1, 0: mean −1.6; SD √(9.2/4) = 1.5166; t(4) = 2.776; half-width 2.776 × 1.5166 / √5 = 1.8828.
    expect(figures.nprsDischarge).toMatchObject({ reportable: true, n: 5 });
    if (!figures.nprsDischarge.reportable) return;
    expect(figures.nprsDischarge.mean).toBeCloseTo(-1.6, 10);
    expect(figures.nprsDischarge.low).toBeCloseTo(-3.4828, 3);
    expect(figures.nprsDischarge.high).toBeCloseTo(0.2828, 3);
    // The same as the in-memory function on the raw changes.
    const reference = meanCi95([-4, -1, -2, -1, 0])!;
    expect(figures.nprsDischarge.low).toBeCloseTo(reference.low, 10);
    expect(figures.nprsDischarge.high).toBeCloseTo(reference.high, 10);
  });

  it('gives the mean change in ODI to discharge, skipping responses outside the baseline window and unfinished ones', async () => {
    const figures = groupFigures(find(await aggregateOutcomes(db(), scope), 'all'));
    // A1 −20, A2 −3, A4 −8, A5 −12, A6 −2: mean −9; SD √(216/4) = 7.3485; half-width 2.776 × 7.3485 / √5 = 9.1229.
    expect(figures.odiDischarge).toMatchObject({ reportable: true, n: 5 });
    if (!figures.odiDischarge.reportable) return;
    expect(figures.odiDischarge.mean).toBeCloseTo(-9, 10);
    expect(figures.odiDischarge.low).toBeCloseTo(-18.1229, 3);
    expect(figures.odiDischarge.high).toBeCloseTo(0.1229, 3);
  });

  it('reports the share reaching the MCID among discharged episodes with both scores', async () => {
    const figures = groupFigures(find(await aggregateOutcomes(db(), scope), 'all'));
    // Pain: A1 (−4), A3 (−2 points), A4 (−33 %) of 5 → 60 %. ODI: A1, A4 (33 %), A5 (12 points) of 5 → 60 %.
    expect(figures.nprsMcid).toEqual({ reportable: true, count: 3, n: 5, share: 0.6 });
    expect(figures.odiMcid).toEqual({ reportable: true, count: 3, n: 5, share: 0.6 });
  });

  it('suppresses the change to latest, which rests on only two active episodes', async () => {
    const figures = groupFigures(find(await aggregateOutcomes(db(), scope), 'all'));
    // B1 −4 and B2 +1 have follow-ups; B3 has no pain score at all.
    expect(figures.nprsLatest).toEqual({ reportable: false });
    expect(figures.odiLatest).toEqual({ reportable: false });
  });

  it('gives the median weeks in care with percentile_cont', async () => {
    const figures = groupFigures(find(await aggregateOutcomes(db(), scope), 'all'));
    // 6, 8, 10, 4, 12, 7 weeks → sorted 4 6 7 8 10 12 → (7 + 8) / 2.
    expect(figures.weeksInCare).toEqual({ reportable: true, median: 7.5, n: 6 });
  });

  it('gives questionnaire completion at baseline and discharge', async () => {
    const figures = groupFigures(find(await aggregateOutcomes(db(), scope), 'all'));
    // Baseline ODI: A1 A2 A4 A5 A6 B1 = 6 of 9 (A3's first ODI was on day 20). Discharge ODI: all 6 discharged.
    expect(figures.baselineCompletion).toEqual({ reportable: true, count: 6, n: 9, share: 6 / 9 });
    expect(figures.dischargeCompletion).toEqual({ reportable: true, count: 6, n: 6, share: 1 });
  });

  it('spreads adherence over the bands', async () => {
    const figures = groupFigures(find(await aggregateOutcomes(db(), scope), 'all'));
    // A4 9 %; A3 36 %; A2 50 %; A1 86 %, A5 100 %, B1 90 %. A6, B2, B3 have no plan.
    expect(figures.adherence).toMatchObject({ reportable: true, n: 6, adherentShare: 0.5 });
    if (!figures.adherence.reportable) return;
    expect(figures.adherence.bands.map((band) => band.count)).toEqual([1, 1, 1, 3]);
  });
});

describe('aggregateOutcomes: breakdowns', () => {
  it('reports clinician A and suppresses clinician B’s three episodes', async () => {
    const rows = await aggregateOutcomes(db(), scope);
    expect(groupFigures(find(rows, 'clinician', clinicianA)).counts).toEqual({ reportable: true, started: 6, active: 0, discharged: 6 });
    const b = groupFigures(find(rows, 'clinician', clinicianB));
    expect(b.counts).toEqual({ reportable: false });
    expect(b.adherence).toEqual({ reportable: false });
  });

  it('groups by STarT Back risk, with unscreened episodes apart', async () => {
    const rows = await aggregateOutcomes(db(), scope);
    const high = groupFigures(find(rows, 'risk', 'high'));
    // High risk = A1–A5: the same five pain changes as the clinic (−1.6).
    expect(high.counts).toMatchObject({ started: 5, discharged: 5 });
    expect(high.nprsDischarge).toMatchObject({ reportable: true, n: 5, mean: -1.6 });
    expect(groupFigures(find(rows, 'risk', 'low')).counts).toEqual({ reportable: false });
    expect(find(rows, 'risk', null).episodes).toBe(3);
  });

  it('groups by baseline pain band, using the intake score when no pain was logged', async () => {
    const rows = await aggregateOutcomes(db(), scope);
    // Severe: A1 8, A3 7, B1 7, B3 9 (intake). Moderate: A2 6, A5 5, A6 4, B2 5. Mild: A4 3.
    expect(find(rows, 'severity', 'severe').episodes).toBe(4);
    expect(find(rows, 'severity', 'moderate').episodes).toBe(4);
    expect(find(rows, 'severity', 'mild').episodes).toBe(1);
    expect(groupFigures(find(rows, 'severity', 'severe')).counts).toEqual({ reportable: false });
  });

  it('groups by month of intake in the clinic’s time zone', async () => {
    const rows = await aggregateOutcomes(db(), scope);
    const months = rows.filter((row) => row.dimension === 'month').map((row) => [row.key, row.episodes]);
    expect(months.sort()).toEqual([
      ['2025-09', 1], ['2025-10', 1], ['2025-11', 1], ['2025-12', 1], ['2026-01', 1], ['2026-02', 1], ['2026-04', 2], ['2026-05', 1],
    ]);
  });

  it('filters by clinician and date range', async () => {
    const onlyB = find(await aggregateOutcomes(db(), { ...scope, clinicianId: clinicianB }), 'all');
    expect(onlyB.episodes).toBe(3);
    const lastQuarter = find(await aggregateOutcomes(db(), { ...scope, from: new Date('2026-03-01T00:00:00Z') }), 'all');
    expect(lastQuarter.episodes).toBe(3);
  });
});

describe('listEpisodeOutcomes', () => {
  it('lists the episodes behind a figure with their scores, in keyset pages', async () => {
    const first = await listEpisodeOutcomes(db(), scope, { figure: 'nprs-mcid' }, { limit: 3 });
    expect(first.next).not.toBeNull();
    const rest = await listEpisodeOutcomes(db(), scope, { figure: 'nprs-mcid' }, { limit: 3, after: first.next });
    expect(rest.next).toBeNull();
    const all = [...first.rows, ...rest.rows];
    expect(all).toHaveLength(5);
    expect(all.filter((row) => row.nprsMcidDischarge)).toHaveLength(3);
    const a2 = all.find((row) => row.nprsBaseline === 6)!;
    expect(a2).toMatchObject({ nprsDischarge: 5, nprsLatest: 1, odiBaseline: 30, odiDischarge: 27, adherence: 0.5, risk: 'high', severity: 'moderate' });
  });

  it('walks the scope in small batches without losing or repeating an episode', async () => {
    const seen: string[] = [];
    let after = null;
    do {
      const page: Awaited<ReturnType<typeof listEpisodeOutcomes>> = await listEpisodeOutcomes(db(), scope, { figure: 'adherence' }, { limit: 2, after, batchSize: 2 });
      seen.push(...page.rows.map((row) => row.id));
      after = page.next;
    } while (after);
    // Adherence figures: A1–A5 and B1.
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it('lists one group', async () => {
    const { rows } = await listEpisodeOutcomes(db(), scope, { dimension: 'clinician', key: clinicianB }, { limit: 50 });
    expect(rows.map((row) => row.status)).toEqual(['active', 'active', 'active']);
    expect(rows.find((row) => row.nprsLatest === null)?.nprsBaseline).toBe(9);
  });
});

describe('SQL rules match lib/clinical', () => {
  it('flags the MCID exactly as nprsImprovement and odiImprovement do', async () => {
    const pairs: [number, number][] = [];
    for (let baseline = 0; baseline <= 10; baseline += 1) for (let later = 0; later <= 10; later += 1) pairs.push([baseline, later]);
    const odiPairs: [number, number][] = [[40, 28], [40, 29], [50, 40.0000000001], [33.3333333333, 23.3333333333], [10, 7], [10, 7.1], [100 / 3, 70 / 3], [0, 0]];
    const check = async (list: [number, number][], mcid: { points: number; percent: number }, rule: (b: number, l: number) => boolean) => {
      const values = sql.join(list.map(([b, l]) => sql`(${b}::float8, ${l}::float8)`), sql`, `);
      const rows = await executeRows<{ b: number; l: number; met: boolean }>(
        db(),
        sql`select b, l, ${mcidMet(sql`b`, sql`l`, mcid)} as met from (values ${values}) as v(b, l)`,
      );
      for (const row of rows) expect([row.b, row.l, row.met]).toEqual([row.b, row.l, rule(row.b, row.l)]);
    };
    await check(pairs, OUTCOME_MCID.nprs, (b, l) => nprsImprovement(b, l).met);
    await check(odiPairs, OUTCOME_MCID.odi, (b, l) => odiImprovement(b, l).met);
  });

  it('bands baseline pain exactly as nprsBand does', async () => {
    const rows = await executeRows<{ s: number; band: string }>(
      db(),
      sql`select s, ${severityCase(sql`s`)} as band from generate_series(0, 10) as s`,
    );
    expect(rows.map((row) => row.band)).toEqual(rows.map((row) => nprsBand(row.s)));
  });
});
