/**
 * One definition per figure (lib/clinical/figures.ts, lib/clinical/adherence.ts, docs/CLINICAL.md "Figures"):
 * the same episodes go through the caseload, the patient record, the discharge summary and the manager's
 * outcomes, and every page's figure must equal what the definition in lib/clinical gives for that episode.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClinic, createEpisode, createUser, daysAgo, insertCompletedQuestionnaireRow, insertExerciseLogRow, insertExerciseRow, insertOneExercisePlan, insertPainEntryRow, signInAs } from '@/db/factories';
import { executeRows } from '@/db/rows';
import { questionnaireSchedules } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { adherenceFraction, ADHERENCE_WINDOWS } from '@/lib/clinical/adherence';
import { addDays, localDay as calendarDayIn, MS_PER_DAY } from '@/lib/time';
import { baselinePain, dischargePain } from '@/lib/clinical/figures';
import type { Instrument } from '@/lib/clinical/instruments';
import { nextQuestionnaireDue } from '@/lib/clinical/questionnaire-schedule';
import { listCaseload } from './caseload';
import { getOutcomeSummary } from './discharge';
import { episodeMetricsCte } from './internal/episode-metrics';
import { listEpisodeOutcomes } from './internal/outcomes-sql';
import { getPatientRecord } from './patient-record';

const db = setupTestDatabase();
const NOW = new Date('2026-06-15T12:00:00Z');
const ZONE = 'Europe/London';
const TODAY = calendarDayIn(NOW, ZONE);
const ago = (days: number) => daysAgo(days, NOW);
const INSTRUMENTS: Instrument[] = ['ODI', 'PSFS', 'RMDQ', 'STARTBACK'];

type Built = {
  id: string;
  intakeNprs: number;
  startedAt: Date;
  dischargedAt: Date | null;
  pain: { recordedAt: Date; score: number }[];
  logs: Date[];
  completed: { instrument: Instrument; at: Date }[];
  schedules: { instrument: Instrument; enabled: boolean; intervalWeeks: number | null; dueAt: Date | null }[];
};

let clinicId = '';
let clinicianId = '';
const built: Record<string, Built> = {};

beforeAll(async () => {
  const clinic = await createClinic(db(), { timeZone: ZONE });
  clinicId = clinic.id;
  const clinician = await createUser(db(), clinic.id, 'clinician');
  clinicianId = clinician.id;
  const exercise = await insertExerciseRow(db(), clinic.id);

  const make = async (
    name: string,
    spec: {
      startedDaysAgo: number;
      dischargedDaysAgo?: number;
      intakeNprs: number;
      pain?: [daysAgo: number, score: number][];
      logs?: number[];
      completed?: [Instrument, daysAgo: number][];
      schedules?: { instrument: Instrument; enabled?: boolean; intervalWeeks?: number | null; dueDaysAgo?: number | null }[];
    },
  ) => {
    const patient = await createUser(db(), clinic.id, 'patient', { name: `Patient ${name}`, timeZone: null });
    const startedAt = ago(spec.startedDaysAgo);
    const dischargedAt = spec.dischargedDaysAgo === undefined ? null : ago(spec.dischargedDaysAgo);
    const episode = await createEpisode(db(), {
      clinicId: clinic.id,
      patientId: patient.id,
      clinicianId: clinician.id,
      startedAt,
      intakeNprs: spec.intakeNprs,
      status: dischargedAt ? 'discharged' : 'active',
      dischargedAt,
    });
    const plan = await insertOneExercisePlan(db(), { episodeId: episode.id, clinicianId: clinician.id, exerciseId: exercise.id, createdAt: startedAt });
    const pain = (spec.pain ?? []).map(([days, score]) => ({ recordedAt: ago(days), score }));
    for (const entry of pain) await insertPainEntryRow(db(), episode.id, entry.score, entry.recordedAt);
    const logs = (spec.logs ?? []).map((days) => ago(days));
    for (const at of logs) await insertExerciseLogRow(db(), episode.id, plan.planItemId, at);
    const completed = (spec.completed ?? []).map(([instrument, days]) => ({ instrument, at: ago(days) }));
    for (const response of completed) await insertCompletedQuestionnaireRow(db(), episode.id, response.instrument, 10, response.at, response.instrument === 'STARTBACK' ? 'low' : null);
    const schedules = (spec.schedules ?? []).map((row) => ({
      instrument: row.instrument,
      enabled: row.enabled ?? true,
      intervalWeeks: row.intervalWeeks ?? null,
      dueAt: row.dueDaysAgo === undefined || row.dueDaysAgo === null ? null : ago(row.dueDaysAgo),
    }));
    for (const row of schedules) await db().insert(questionnaireSchedules).values({ episodeId: episode.id, ...row });
    built[name] = { id: episode.id, intakeNprs: spec.intakeNprs, startedAt, dischargedAt, pain, logs, completed, schedules };
  };

  // Improving: intake 7, then 6, 4 and 3 logged. Sessions on 1 (twice), 2, 3, 10, 11 and 12 days ago.
  await make('improving', { startedDaysAgo: 35, intakeNprs: 7, pain: [[20, 6], [3, 4], [1, 3]], logs: [1, 1, 2, 3, 10, 11, 12], completed: [['ODI', 34], ['PSFS', 34], ['STARTBACK', 34], ['ODI', 6], ['PSFS', 6]] });
  // Over-logging: more sessions than the plan asked for in the last 7 days counts as 100 %, never more.
  await make('keen', { startedDaysAgo: 20, intakeNprs: 5, pain: [[2, 5]], logs: [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 5], completed: [['ODI', 19], ['PSFS', 19], ['STARTBACK', 19]] });
  // No pain logged yet: baseline is the intake score, there is no latest score.
  await make('silent', { startedDaysAgo: 10, intakeNprs: 8 });
  // Discharged 5 days ago: 5 logged before discharge is the discharge pain; 2 logged after it is not.
  await make('discharged', { startedDaysAgo: 40, dischargedDaysAgo: 5, intakeNprs: 8, pain: [[38, 8], [6, 5], [2, 2]], logs: [6, 7, 8, 20] });
  // Questionnaire schedules on each side of the overdue line (7 days after the due day).
  await make('new', { startedDaysAgo: 3, intakeNprs: 4 });
  await make('routine', {
    startedDaysAgo: 60,
    intakeNprs: 6,
    completed: [['ODI', 30], ['PSFS', 30], ['STARTBACK', 55]],
    schedules: [{ instrument: 'PSFS', intervalWeeks: 3 }],
  });
  await make('requested', {
    startedDaysAgo: 30,
    intakeNprs: 6,
    completed: [['PSFS', 3], ['STARTBACK', 29]],
    schedules: [{ instrument: 'RMDQ', dueDaysAgo: 8 }, { instrument: 'ODI', enabled: false }],
  });
  await make('request-met', {
    startedDaysAgo: 40,
    intakeNprs: 6,
    completed: [['ODI', 12], ['PSFS', 12], ['STARTBACK', 39]],
    schedules: [{ instrument: 'ODI', dueDaysAgo: 10, intervalWeeks: 4 }, { instrument: 'STARTBACK', dueDaysAgo: 6 }],
  });
});

const localDayOf = (at: Date) => calendarDayIn(at, ZONE);
const logsBetween = (episode: Built, fromDay: string, beforeDay: string) =>
  episode.logs.filter((at) => localDayOf(at) >= fromDay && localDayOf(at) < beforeDay).length;

/** What the definitions in lib/clinical give for an episode, from the data it was built with. */
function expected(name: string) {
  const episode = built[name]!;
  const latest = [...episode.pain].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime()).at(-1)?.score ?? null;
  const recentDays = ADHERENCE_WINDOWS.recent.days;
  const recent = adherenceFraction(logsBetween(episode, addDays(TODAY, -recentDays), TODAY), recentDays);
  const overdue = INSTRUMENTS.filter((instrument) => {
    const schedule = episode.schedules.find((row) => row.instrument === instrument);
    return nextQuestionnaireDue({
      instrument,
      episodeStartDay: localDayOf(episode.startedAt),
      today: TODAY,
      episodeIntervalWeeks: 4,
      override: schedule ? { enabled: schedule.enabled, intervalWeeks: schedule.intervalWeeks, dueDay: schedule.dueAt ? localDayOf(schedule.dueAt) : null } : null,
      completedDays: episode.completed.filter((row) => row.instrument === instrument).map((row) => localDayOf(row.at)),
    })?.isOverdue;
  }).sort();
  return {
    baseline: baselinePain(episode),
    latest,
    discharge: episode.dischargedAt ? dischargePain(episode.pain, episode.dischargedAt) : null,
    adherence7: recent === null ? null : Math.round(recent * 100),
    overdue,
  };
}

describe('one definition per figure, on every page', () => {
  it('gives the caseload the same baseline, latest pain, 7-day adherence and overdue flag as the definitions', async () => {
    await signInAs(db(), clinicianId);
    const { rows } = await listCaseload({ sort: 'name', direction: 'asc', flag: null, search: '', page: 1 }, NOW);
    const active = Object.keys(built).filter((name) => !built[name]!.dischargedAt);
    expect(rows).toHaveLength(active.length);
    for (const name of active) {
      const want = expected(name);
      const row = rows.find((candidate) => candidate.episodeId === built[name]!.id)!;
      expect({ name, latest: row.latestPain, baseline: row.painChange === null ? want.baseline : row.latestPain! - row.painChange })
        .toEqual({ name, latest: want.latest, baseline: want.baseline });
      expect({ name, adherence: row.adherence7 }).toEqual({ name, adherence: want.adherence7 });
      expect({ name, overdue: row.flags.includes('questionnaire-overdue') }).toEqual({ name, overdue: want.overdue.length > 0 });
    }
    // The cases above the line and below it really differ: over-logging is capped at 100 %.
    expect(rows.find((row) => row.episodeId === built.keen!.id)!.adherence7).toBe(100);
    expect(expected('improving').adherence7).toBe(57);
  });

  it('computes overdue in SQL exactly as nextQuestionnaireDue does, instrument by instrument', async () => {
    const rows = await executeRows<{ episode_id: string; overdue_instruments: string[] | null }>(
      db(),
      sql`with ${episodeMetricsCte(sql`e.clinic_id = ${clinicId}`, NOW)} select episode_id, overdue_instruments from metrics`,
    );
    const byName = Object.fromEntries(
      Object.entries(built)
        .filter(([, episode]) => !episode.dischargedAt)
        .map(([name, episode]) => [name, [...(rows.find((row) => row.episode_id === episode.id)?.overdue_instruments ?? [])].sort()]),
    );
    const want = Object.fromEntries(Object.keys(byName).map((name) => [name, expected(name).overdue]));
    expect(byName).toEqual(want);
    // Worked by hand: baselines 10 days late; PSFS 9 days past its 3-week interval; a request 8 days old.
    expect(want).toMatchObject({
      new: [],
      silent: ['ODI', 'PSFS', 'STARTBACK'],
      routine: ['PSFS'],
      requested: ['RMDQ'],
      'request-met': [],
    });
  });

  it('gives the record the same baseline and latest pain, and weekly adherence by the same rule', async () => {
    await signInAs(db(), clinicianId);
    for (const name of ['improving', 'keen', 'silent']) {
      const want = expected(name);
      const record = (await getPatientRecord(built[name]!.id, NOW))!;
      expect(record.header.intakeNprs).toBe(want.baseline);
      expect(record.pain.at(-1)?.score ?? null).toBe(want.latest);
      for (const week of record.adherence.filter((row) => row.percent !== null)) {
        const fraction = adherenceFraction(logsBetween(built[name]!, week.startDay, addDays(week.startDay, 7)), 7);
        expect({ name, week: week.week, percent: week.percent }).toEqual({ name, week: week.week, percent: Math.round(fraction! * 100) });
      }
    }
  });

  it('gives the discharge summary and the manager the same baseline, latest and discharge pain', async () => {
    await signInAs(db(), clinicianId);
    const scope = { clinicId, from: ago(365), to: NOW, clinicianId: null, timeZone: ZONE, now: NOW };
    const { rows } = await listEpisodeOutcomes(db(), scope, {}, { limit: 100 });
    for (const name of Object.keys(built)) {
      const want = expected(name);
      const summary = (await getOutcomeSummary(built[name]!.id))!;
      const manager = rows.find((row) => row.id === built[name]!.id)!;
      expect({ name, baseline: manager.nprsBaseline }).toEqual({ name, baseline: want.baseline });
      if (built[name]!.dischargedAt) {
        expect({ name, manager: manager.nprsDischarge, summary: summary.nprs?.latest ?? null }).toEqual({ name, manager: want.discharge, summary: want.discharge });
      } else {
        expect({ name, manager: manager.nprsLatest, summary: summary.nprs?.latest ?? null }).toEqual({ name, manager: want.latest, summary: want.latest });
      }
      if (summary.nprs) expect(summary.nprs.baseline).toBe(want.baseline);
    }
    expect(expected('discharged')).toMatchObject({ baseline: 8, discharge: 5 });
  });

  it('gives the manager 28-day adherence by the same rule', async () => {
    const scope = { clinicId, from: ago(365), to: NOW, clinicianId: null, timeZone: ZONE, now: NOW };
    const { rows } = await listEpisodeOutcomes(db(), scope, {}, { limit: 100 });
    const days = ADHERENCE_WINDOWS.outcome.days;
    for (const name of ['improving', 'keen', 'discharged']) {
      const episode = built[name]!;
      const end = episode.dischargedAt ?? NOW;
      const from = new Date(end.getTime() - days * MS_PER_DAY);
      const logged = episode.logs.filter((at) => at >= from && at < end).length;
      // The plan started with the episode; a younger episode is asked only for its days in care.
      const prescribed = (Math.min(days * MS_PER_DAY, end.getTime() - episode.startedAt.getTime()) / MS_PER_DAY) * 7 / 7;
      const manager = rows.find((row) => row.id === episode.id)!;
      expect(manager.adherence).toBeCloseTo(adherenceFraction(logged, prescribed)!, 9);
    }
  });
});
