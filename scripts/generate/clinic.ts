/**
 * A large, realistic and deterministic clinic for performance work: about one clinician per 200
 * patients, episodes of care spread over three years (most discharged), daily-ish pain entries that
 * follow the same trajectories as the demo seed, exercise logs by adherence, ODI and PSFS every four
 * weeks, STarT Back at baseline, lumbar range of motion every one to two weeks while in clinic,
 * notes, goals and the alerts the rules would have raised. One clinician ("clinician.01") has
 * exactly the caseload the benchmark measures.
 *
 * Rows are built in JavaScript from one seeded generator (so every run of a size tells the same
 * story ending today) and written with the array-parameter bulk inserts in ./bulk.ts.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { executeRows } from '../../db/rows';
import * as t from '../../db/schema';
import {
  createRandom,
  expectedPain,
  LOCATION_SETS,
  SKIP_REASONS,
  startBackAnswers,
  starterExerciseRows,
  type Random,
  type Trajectory,
} from '../../db/seed';
import { hashPassword } from '../../lib/auth/password';
import { isSeverePain, isWorsening, type DailyPain } from '../../lib/clinical/alerts';
import type { Dosage } from '../../lib/clinical/dosage';
import { scoreOdi } from '../../lib/clinical/odi';
import { scorePsfs } from '../../lib/clinical/psfs';
import { evaluateRedFlags, RED_FLAG_QUESTIONS } from '../../lib/clinical/red-flags';
import { RMDQ_STATEMENT_COUNT, scoreRmdq } from '../../lib/clinical/rmdq';
import { scoreStartBack } from '../../lib/clinical/startback';
import { STARTER_EXERCISES } from '../../lib/content/exercises';
import { PLAN_TEMPLATES } from '../../lib/content/templates';
import { urgentAlertTitle } from '../../lib/notifications/titles';
import { addDays, localDay, zonedTimeToUtc } from '../../lib/time';
import { Batch } from './bulk';
import { createUuidSource } from './ids';
import { createProgress } from './progress';

/** Every generated account shares this password (and one precomputed hash) so the bench can sign in. */
export const GENERATED_PASSWORD = 'uplift-generated-2026';
export const DEFAULT_SEED = 7_000_001;
/** The clinic's zone; accounts have none of their own and follow it. */
const TIME_ZONE = 'Europe/London';
const YEARS = 3;
/** Patients per chunk: one transaction and one insert statement per table per chunk. */
const CHUNK = 100;

export const generatedClinicName = (patients: number) => `Generated clinic (${patients} patients)`;
const domain = (patients: number) => `generated-${patients}.test`;
const pad = (value: number, width: number) => String(value).padStart(width, '0');
export const generatedEmails = (patients: number) => ({
  manager: `manager@${domain(patients)}`,
  clinician: (n: number) => `clinician.${pad(n, 2)}@${domain(patients)}`,
  patient: (n: number) => `patient.${pad(n, 5)}@${domain(patients)}`,
});

/** The accounts the benchmark signs in as: clinician 1 holds the big caseload; patient 1 is in it. */
export function benchAccounts(patients: number) {
  const emails = generatedEmails(patients);
  return { patient: emails.patient(1), clinician: emails.clinician(1), manager: emails.manager, password: GENERATED_PASSWORD };
}

export type GenerateOptions = { patients: number; clinicians?: number; seed?: number; now?: Date };
export type GenerateSummary = {
  clinicId: string;
  clinicName: string;
  patients: number;
  clinicians: number;
  benchCaseload: number;
  rows: Record<string, number>;
  totalRows: number;
  seconds: number;
};

const FIRST_NAMES = ['Aaliyah', 'Adam', 'Aisha', 'Alfie', 'Amelia', 'Arjun', 'Beatrice', 'Bilal', 'Caitlin', 'Callum', 'Chen', 'Chiara', 'Connor', 'Daisy', 'Dev', 'Dylan', 'Ebony', 'Elif', 'Ella', 'Emeka', 'Erin', 'Ethan', 'Fatima', 'Finn', 'Freya', 'Gabriel', 'Grace', 'Hamza', 'Harper', 'Harvey', 'Ibrahim', 'Isla', 'Jack', 'Jade', 'Jakub', 'Kai', 'Kate', 'Laila', 'Leo', 'Lily', 'Luca', 'Maja', 'Mason', 'Maya', 'Mia', 'Noah', 'Nora', 'Oscar', 'Olga', 'Priya', 'Reuben', 'Rosa', 'Ruby', 'Sami', 'Sean', 'Sienna', 'Theo', 'Tomasz', 'Uma', 'Yusuf', 'Zara', 'Zoe'];
const LAST_NAMES = ['Ahmed', 'Ali', 'Allen', 'Baker', 'Bennett', 'Brown', 'Campbell', 'Carter', 'Chowdhury', 'Clarke', 'Collins', 'Cooper', 'Davies', 'Evans', 'Fernandes', 'Fischer', 'Green', 'Hall', 'Harris', 'Hughes', 'Ibrahim', 'Jackson', 'James', 'Johnson', 'Kelly', 'Khan', 'Kowalski', 'Lee', 'Lewis', 'Martin', 'Mitchell', 'Moore', 'Morgan', 'Murray', 'Nguyen', 'Novak', "O'Brien", 'Okoye', 'Parker', 'Phillips', 'Price', 'Rahman', 'Reid', 'Robinson', 'Rossi', 'Scott', 'Shah', 'Silva', 'Smith', 'Stewart', 'Taylor', 'Thomas', 'Turner', 'Walker', 'Ward', 'Watson', 'White', 'Williams', 'Wilson', 'Wood', 'Wright', 'Young'];
const ACTIVITIES = ['Walking the dog', 'Sitting at a desk', 'Lifting shopping', 'Gardening', 'Driving for an hour', 'Playing with the children', 'Getting dressed', 'Sleeping through the night', 'Running', 'Cycling to work', 'Cooking a meal', 'Hoovering', 'Carrying laundry', 'Playing football', 'Standing at work'];
const TRAJECTORY_WEIGHTS: ReadonlyArray<readonly [Trajectory, number]> = [
  ['improving', 0.35],
  ['fast', 0.2],
  ['slow', 0.2],
  ['plateau', 0.18],
  ['worsening', 0.07],
];
const ROM_CORE = [
  ['lumbar-flexion', 30, 68, 3, 'dual-inclinometer', 'deg'],
  ['lumbar-extension', 8, 26, 2, 'dual-inclinometer', 'deg'],
  ['lumbar-lateral-flexion-left', 12, 27, 2, 'dual-inclinometer', 'deg'],
  ['lumbar-lateral-flexion-right', 11, 26, 2, 'dual-inclinometer', 'deg'],
] as const;
const ROM_EXTRA = [
  ['lumbar-rotation-left', 5, 14, 1.5, 'visual-estimate', 'deg'],
  ['lumbar-rotation-right', 5, 14, 1.5, 'visual-estimate', 'deg'],
  ['fingertip-to-floor', 35, 5, 2, null, 'cm'],
] as const;
const RED_FLAG_SCENARIOS = [['night-pain'], ['leg-weakness-worsening'], ['weight-loss', 'night-pain'], ['falls'], ['saddle-numbness']];
const NO_RED_FLAGS = Object.fromEntries(RED_FLAG_QUESTIONS.map((question) => [question.key, false]));

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function weighted<T>(random: Random, options: ReadonlyArray<readonly [T, number]>): T {
  let roll = random.next();
  for (const [value, weight] of options) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return options[options.length - 1]![0];
}

/** Unique within a clinic: a bijection of the episode number onto 32^7 codes (never the demo's 6-character form). */
function pseudonymFor(index: number, offset: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let n = (offset + index * 2_654_435_761) % 34_359_738_368;
  let code = '';
  for (let i = 0; i < 7; i += 1) {
    code = alphabet[n % 32] + code;
    n = Math.floor(n / 32);
  }
  return `EP-${code}`;
}

type Episode = {
  id: string;
  patientId: string;
  clinicianId: string;
  startIdx: number;
  endIdx: number;
  active: boolean;
  trajectory: Trajectory;
  intake: number;
  adherence: number;
  templateIndex: number;
  risk: 'low' | 'medium' | 'high';
  /** Day index from which an active patient stopped logging (the "inactive" alert), if any. */
  quietFrom: number | null;
  redFlag: string[] | null;
  usesRmdq: boolean;
};

function tables() {
  return {
    users: new Batch('users', [['id', 'uuid'], ['clinic_id', 'uuid'], ['email', 'text'], ['name', 'text'], ['role', 'role'], ['password_hash', 'text'], ['date_of_birth', 'date'], ['time_zone', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']]),
    episodes: new Batch('episodes', [['id', 'uuid'], ['clinic_id', 'uuid'], ['patient_id', 'uuid'], ['clinician_id', 'uuid'], ['pseudonym', 'text'], ['condition', 'text'], ['started_at', 'timestamptz'], ['intake_nprs', 'int2'], ['status', 'episode_status'], ['discharged_at', 'timestamptz'], ['discharge_summary', 'text'], ['created_at', 'timestamptz']]),
    plans: new Batch('plans', [['id', 'uuid'], ['episode_id', 'uuid'], ['version', 'int4'], ['created_by', 'uuid'], ['note', 'text'], ['created_at', 'timestamptz']]),
    planItems: new Batch('plan_items', [['id', 'uuid'], ['plan_id', 'uuid'], ['exercise_id', 'uuid'], ['position', 'int2'], ['sets', 'int2'], ['reps', 'int2'], ['hold_seconds', 'int2'], ['duration_minutes', 'int2'], ['times_per_day', 'int2'], ['days_per_week', 'int2'], ['per_side', 'bool']]),
    painEntries: new Batch('pain_entries', [['id', 'uuid'], ['episode_id', 'uuid'], ['score', 'int2'], ['worst_24h', 'int2'], ['locations', 'text[]'], ['below_knee', 'bool'], ['note', 'text'], ['recorded_at', 'timestamptz'], ['local_day', 'date'], ['submission_id', 'uuid']]),
    exerciseLogs: new Batch('exercise_logs', [['id', 'uuid'], ['episode_id', 'uuid'], ['plan_item_id', 'uuid'], ['status', 'exercise_log_status'], ['sets_done', 'int2'], ['difficulty', 'int2'], ['pain_during', 'int2'], ['skip_reason', 'skip_reason'], ['logged_at', 'timestamptz'], ['local_day', 'date'], ['submission_id', 'uuid']]),
    questionnaires: new Batch('questionnaire_responses', [['id', 'uuid'], ['episode_id', 'uuid'], ['instrument', 'instrument'], ['status', 'response_status'], ['answers', 'jsonb'], ['score', 'float8'], ['band', 'text'], ['subscore', 'float8'], ['started_at', 'timestamptz'], ['completed_at', 'timestamptz'], ['submission_id', 'uuid']]),
    redFlagScreens: new Batch('red_flag_screens', [['id', 'uuid'], ['episode_id', 'uuid'], ['answers', 'jsonb'], ['positives', 'text[]'], ['urgency', 'alert_urgency'], ['submission_id', 'uuid'], ['created_at', 'timestamptz']]),
    measurements: new Batch('measurements', [['id', 'uuid'], ['episode_id', 'uuid'], ['clinician_id', 'uuid'], ['code', 'text'], ['value', 'float8'], ['unit', 'text'], ['method', 'text'], ['measured_at', 'timestamptz'], ['created_at', 'timestamptz']]),
    goals: new Batch('goals', [['id', 'uuid'], ['episode_id', 'uuid'], ['description', 'text'], ['measure_code', 'text'], ['target_value', 'float8'], ['target_date', 'date'], ['status', 'goal_status'], ['created_by', 'uuid'], ['updated_at', 'timestamptz'], ['created_at', 'timestamptz']]),
    notes: new Batch('notes', [['id', 'uuid'], ['episode_id', 'uuid'], ['author_id', 'uuid'], ['subjective', 'text'], ['objective', 'text'], ['assessment', 'text'], ['plan', 'text'], ['created_at', 'timestamptz']]),
    alerts: new Batch('alerts', [['id', 'uuid'], ['episode_id', 'uuid'], ['reason', 'alert_reason'], ['urgency', 'alert_urgency'], ['message', 'text'], ['detail', 'jsonb'], ['raised_at', 'timestamptz'], ['acknowledged_at', 'timestamptz'], ['acknowledged_by', 'uuid'], ['acknowledge_comment', 'text']]),
  };
}
type Tables = ReturnType<typeof tables>;
/** Insert order respects the foreign keys. */
const FLUSH_ORDER: ReadonlyArray<keyof Tables> = ['users', 'episodes', 'plans', 'planItems', 'painEntries', 'exerciseLogs', 'questionnaires', 'redFlagScreens', 'measurements', 'goals', 'notes', 'alerts'];

/** Generates the clinic into `db` (already migrated). Refuses when a clinic of that size already exists. */
export async function generateClinic(db: Db, options: GenerateOptions): Promise<GenerateSummary> {
  const started = Date.now();
  const patientCount = options.patients;
  const clinicianCount = options.clinicians ?? Math.max(2, Math.round(patientCount / 200));
  const seed = (options.seed ?? DEFAULT_SEED) + patientCount;
  const random = createRandom(seed);
  const uuid = createUuidSource(seed ^ 0x5eed);
  const now = options.now ?? new Date();
  const clinicName = generatedClinicName(patientCount);
  const emails = generatedEmails(patientCount);

  const existing = await db.select({ id: t.clinics.id }).from(t.clinics).where(eq(t.clinics.name, clinicName));
  if (existing.length > 0) throw new Error(`"${clinicName}" already exists in this database; nothing was changed.`);

  // Calendar: one entry per day of the window, with the UTC instant of local midnight for that day.
  const today = localDay(now, TIME_ZONE);
  const windowDays = YEARS * 365;
  const dayStrings: string[] = [];
  const midnightUtc: number[] = [];
  for (let i = 0; i <= windowDays; i += 1) {
    const day = addDays(today, i - windowDays);
    dayStrings.push(day);
    // Noon is never inside a clock change, so its offset is the day's offset for waking hours.
    midnightUtc.push(zonedTimeToUtc(day, 12, 0, TIME_ZONE).getTime() - 12 * 3_600_000);
  }
  const todayIdx = windowDays;
  const at = (dayIdx: number, hour: number, minute = random.int(0, 59)) =>
    new Date(midnightUtc[dayIdx]! + (hour * 60 + minute) * 60_000);

  const passwordHash = await hashPassword(GENERATED_PASSWORD);
  const clinicId = uuid();
  const managerId = uuid();
  const clinicianIds = Array.from({ length: clinicianCount }, () => uuid());
  const exerciseIds = new Map(STARTER_EXERCISES.map((exercise) => [exercise.slug, uuid()]));
  const created = new Date(midnightUtc[0]!);

  const staff = tables();
  await db.transaction(async (tx) => {
    // Named as incomplete until the last chunk commits, so a half-finished run is never mistaken for a full one.
    await tx.insert(t.clinics).values({ id: clinicId, name: `${clinicName} (incomplete)`, timeZone: TIME_ZONE, country: 'GB', mfaRequiredForManagers: false, mfaRequiredForClinicians: false, createdAt: created });
    staff.users.add([managerId, clinicId, emails.manager, 'Morgan Hale', 'manager', passwordHash, null, null, created, created]);
    clinicianIds.forEach((id, i) => {
      const name = `${FIRST_NAMES[(i * 7) % FIRST_NAMES.length]} ${LAST_NAMES[(i * 11 + 3) % LAST_NAMES.length]}`;
      staff.users.add([id, clinicId, emails.clinician(i + 1), name, 'clinician', passwordHash, null, null, created, created]);
    });
    await staff.users.flush(tx);
    await tx.insert(t.exercises).values(starterExerciseRows(clinicId).map((row) => ({ ...row, id: exerciseIds.get(row.slug)!, createdAt: created })));
  });

  // Clinician 1 gets the benchmark caseload; the rest of the active episodes spread over the others.
  const benchTarget = Math.min(200, Math.floor(patientCount * 0.3 * 0.67));
  let benchCaseload = 0;
  let episodeIndex = 0;
  const pseudonymOffset = (seed * 7919) % 34_359_738_368;
  const rows: Record<string, number> = {};
  let totalRows = 0;
  const progress = createProgress('generating', patientCount);
  const batch = tables();

  const planEpisode = (patientId: string, patientNumber: number): Episode[] => {
    const episodesOfPatient: Episode[] = [];
    const forceBench = patientNumber === 1;
    const active = forceBench || random.chance(0.3);
    let startIdx: number;
    let endIdx: number;
    if (active) {
      endIdx = todayIdx;
      startIdx = todayIdx - (forceBench ? 70 : 3 + Math.floor(random.next() ** 1.3 * 280));
    } else {
      const weeks = 6 + Math.round(random.next() ** 1.3 * 52);
      endIdx = todayIdx - random.int(1, windowDays - weeks * 7);
      startIdx = endIdx - weeks * 7;
    }
    let clinicianId: string;
    if (active && benchCaseload < benchTarget && (forceBench || random.chance(0.67))) {
      clinicianId = clinicianIds[0]!;
      benchCaseload += 1;
    } else {
      clinicianId = clinicianIds[1 + random.int(0, clinicianCount - 2)]!;
    }
    const base = () => ({
      trajectory: forceBench ? ('improving' as const) : weighted(random, TRAJECTORY_WEIGHTS),
      intake: random.int(4, 9),
      adherence: 0.3 + random.next() * 0.65,
      templateIndex: random.int(0, PLAN_TEMPLATES.length - 1),
      risk: weighted(random, [['low', 0.4], ['medium', 0.38], ['high', 0.22]] as const),
      usesRmdq: random.chance(0.15),
    });
    // Some patients come back: an earlier, discharged episode before the current one.
    if (random.chance(0.3)) {
      const weeks = 6 + Math.round(random.next() ** 1.6 * 30);
      const priorEnd = startIdx - random.int(30, 200);
      const priorStart = priorEnd - weeks * 7;
      if (priorStart >= 0) {
        episodesOfPatient.push({ id: uuid(), patientId, clinicianId: clinicianIds[random.int(0, clinicianCount - 1)]!, startIdx: priorStart, endIdx: priorEnd, active: false, quietFrom: null, redFlag: null, ...base() });
      }
    }
    const quiet = active && !forceBench && random.chance(0.08);
    const redFlag = active && !forceBench && random.chance(0.015) ? random.pick(RED_FLAG_SCENARIOS) : null;
    episodesOfPatient.push({
      id: uuid(),
      patientId,
      clinicianId,
      startIdx,
      endIdx,
      active,
      quietFrom: quiet && endIdx - startIdx > 21 ? todayIdx - random.int(8, 20) : null,
      redFlag,
      ...base(),
    });
    return episodesOfPatient;
  };

  const writeEpisode = (episode: Episode) => {
    const { id: episodeId, clinicianId, active, trajectory, intake } = episode;
    const totalDays = episode.endIdx - episode.startIdx;
    const template = PLAN_TEMPLATES[episode.templateIndex]!;
    batch.episodes.add([
      episodeId, clinicId, episode.patientId, clinicianId, pseudonymFor(episodeIndex, pseudonymOffset),
      trajectory === 'worsening' ? 'Low back pain with leg pain' : 'Non-specific low back pain',
      at(episode.startIdx, 9, 30), intake, active ? 'active' : 'discharged',
      active ? null : at(episode.endIdx, 16, 0), active ? null : 'Goals reviewed; continuing home exercise independently.',
      at(episode.startIdx, 9, 30),
    ]);
    episodeIndex += 1;

    // Plan version 1 from a template; version 2 after three weeks drops the first exercise and adds a bridge.
    const versions: { fromDay: number; items: { id: string; dosage: Dosage }[] }[] = [];
    const specs = [{ version: 1, fromDay: 0, items: template.items }];
    if (totalDays > 28) {
      const progressed = [...template.items.slice(1), { slug: 'glute-bridge' }].filter(
        (item, index, all) => all.findIndex((other) => other.slug === item.slug) === index,
      );
      specs.push({ version: 2, fromDay: 21, items: progressed });
    }
    for (const spec of specs) {
      const planId = uuid();
      batch.plans.add([planId, episodeId, spec.version, clinicianId, spec.version === 1 ? `Started from “${template.name}”.` : 'Progressed after the three-week review.', at(episode.startIdx + spec.fromDay, 10, 0)]);
      const items = spec.items.map((item, position) => {
        const exercise = STARTER_EXERCISES.find((candidate) => candidate.slug === item.slug)!;
        const dosage: Dosage = { ...exercise.defaultDosage, ...item.dosage };
        const itemId = uuid();
        batch.planItems.add([itemId, planId, exerciseIds.get(item.slug)!, position, dosage.sets, dosage.reps, dosage.holdSeconds, dosage.durationMinutes, dosage.timesPerDay, dosage.daysPerWeek, dosage.perSide]);
        return { id: itemId, dosage };
      });
      versions.push({ fromDay: spec.fromDay, items });
    }

    // Daily pain and exercise sessions. Logging is keenest in the first twelve weeks and tails off.
    const daily: DailyPain[] = [];
    const dailyPain: number[] = [];
    const locations = trajectory === 'worsening' ? ['lower-back', 'right-leg'] : random.pick(LOCATION_SETS);
    for (let d = 0; d <= totalDays; d += 1) {
      const dayIdx = episode.startIdx + d;
      const day = dayStrings[dayIdx]!;
      const score = clamp(Math.round(expectedPain(trajectory, intake, d, totalDays) + random.noise(0.8)), 0, 10);
      dailyPain.push(score);
      if (active && d === totalDays) continue; // today: the patient has not logged yet
      if (episode.quietFrom !== null && dayIdx >= episode.quietFrom) continue;
      const flare = trajectory === 'worsening' && d > totalDays - 5;
      const engagement = d < 84 ? 1 : Math.max(0.4, Math.exp(-(d - 84) / 200));
      if (flare || random.chance((active ? 0.86 : 0.78) * engagement)) {
        // Many patients log morning and evening; the rules use the highest score of the day.
        const evening = random.chance(0.5 * engagement) ? clamp(score + random.int(-1, 1), 0, 10) : null;
        daily.push({ day, score: Math.max(score, evening ?? 0) });
        const entry = (value: number, hour: number) =>
          batch.painEntries.add([
            uuid(), episodeId, value, random.chance(0.4) ? clamp(value + random.int(0, 2), 0, 10) : null,
            locations, flare, flare && d === totalDays - 1 ? 'Pain going down my leg since lifting a box.' : null,
            at(dayIdx, hour), day, uuid(),
          ]);
        entry(score, random.int(7, 12));
        if (evening !== null) entry(evening, random.int(18, 22));
      }
      const plan = d >= (versions[1]?.fromDay ?? Infinity) ? versions[1]! : versions[0]!;
      const adherence = clamp(episode.adherence + (d < 14 ? 0.05 : 0) - (flare ? 0.3 : 0), 0.05, 0.98) * engagement * 0.45;
      for (const item of plan.items) {
        if (d % 7 >= item.dosage.daysPerWeek) continue;
        for (let session = 0; session < item.dosage.timesPerDay; session += 1) {
          if (random.chance(adherence)) {
            const partial = random.chance(0.1);
            const sets = item.dosage.sets ?? 1;
            batch.exerciseLogs.add([
              uuid(), episodeId, item.id, partial ? 'partial' : 'done', partial ? Math.max(0, sets - 1) : sets,
              clamp(Math.round(5 - d / 20 + random.noise(1.2)), 0, 10), clamp(Math.round(score - 1 + random.noise(1)), 0, 10),
              partial && random.chance(0.5) ? 'pain' : null, at(dayIdx, 8 + session * 5 + random.int(0, 3)), day, uuid(),
            ]);
          } else if (random.chance(0.08)) {
            batch.exerciseLogs.add([
              uuid(), episodeId, item.id, 'skipped', null, null, null, flare ? 'pain' : random.pick(SKIP_REASONS),
              at(dayIdx, 8 + session * 5 + random.int(0, 3)), day, uuid(),
            ]);
          }
        }
      }
    }

    // Questionnaires every four weeks (some missed), STarT Back at baseline, and at discharge.
    const activities = [random.pick(ACTIVITIES), random.pick(ACTIVITIES), random.pick(ACTIVITIES)].filter((name, i, all) => all.indexOf(name) === i);
    while (activities.length < 3) activities.push(ACTIVITIES[activities.length]!);
    const lastQuestionnaireDay = active ? totalDays - 1 : totalDays;
    const questionnaireDays: number[] = [];
    for (let d = 0; d <= lastQuestionnaireDay; d += 28) if (d === 0 || random.chance(0.85)) questionnaireDays.push(d);
    if (!active && random.chance(0.8) && !questionnaireDays.includes(totalDays)) questionnaireDays.push(totalDays);
    for (const d of questionnaireDays) {
      const dayIdx = episode.startIdx + d;
      if (episode.quietFrom !== null && dayIdx >= episode.quietFrom) continue;
      const completedAt = at(dayIdx, 11);
      const pain = dailyPain[d] ?? intake;
      const sections = Array.from({ length: 10 }, (_, index) => (index === 7 && random.chance(0.3) ? null : clamp(Math.round(pain / 2 + random.noise(0.7)), 0, 5)));
      const odi = scoreOdi(sections);
      batch.questionnaires.add([uuid(), episodeId, 'ODI', 'completed', { sections }, odi.score, odi.band, null, completedAt, completedAt, uuid()]);
      const ratings = activities.map(() => clamp(Math.round(10 - pain + random.noise(1)), 0, 10));
      batch.questionnaires.add([uuid(), episodeId, 'PSFS', 'completed', { activities: activities.map((name, index) => ({ name, rating: ratings[index]! })) }, scorePsfs(ratings).score, null, null, completedAt, completedAt, uuid()]);
      if (episode.usesRmdq) {
        const ticked = Array.from({ length: RMDQ_STATEMENT_COUNT }, () => random.chance(clamp(pain / 12, 0.02, 0.9)));
        batch.questionnaires.add([uuid(), episodeId, 'RMDQ', 'completed', { ticked }, scoreRmdq(ticked), null, null, completedAt, completedAt, uuid()]);
      }
      batch.redFlagScreens.add([uuid(), episodeId, NO_RED_FLAGS, [], null, uuid(), completedAt]);
    }
    const startBack = startBackAnswers(episode.risk, random);
    const scored = scoreStartBack(startBack.agree, startBack.bothersome);
    const baselineAt = at(episode.startIdx, 10, 45);
    batch.questionnaires.add([uuid(), episodeId, 'STARTBACK', 'completed', startBack, scored.total, scored.risk, scored.psychosocial, baselineAt, baselineAt, uuid()]);

    // Range of motion at each clinic visit: every one to two weeks for twelve weeks, then every six.
    const lastVisit = active ? totalDays - 1 : totalDays;
    for (let d = 0; d <= lastVisit; d += d < 84 ? (random.chance(0.5) ? 7 : 14) : 42) {
      const progress = 1 - (dailyPain[d] ?? intake) / 10;
      const measuredAt = at(episode.startIdx + d, 14);
      const measures = random.chance(0.4) ? [...ROM_CORE, ...ROM_EXTRA] : ROM_CORE;
      for (const [code, low, high, sd, method, unit] of measures) {
        const value = clamp(Math.round(low + (high - low) * progress + random.noise(sd)), code === 'fingertip-to-floor' ? -30 : 0, code === 'fingertip-to-floor' ? 70 : 120);
        batch.measurements.add([uuid(), episodeId, clinicianId, code, value, unit, method, measuredAt, measuredAt]);
      }
    }

    // Notes: assessment at the start, a review every six weeks, a discharge note.
    batch.notes.add([uuid(), episodeId, clinicianId, `Low back pain for ${random.int(2, 30)} weeks. Worse with prolonged sitting.`, 'Lumbar flexion limited and painful at end of range. Neurological screen clear.', 'Non-specific low back pain. No red flags on screening.', `Education, graded activity and home exercise (${template.name}).`, at(episode.startIdx, 10, 15)]);
    for (let d = 42; d < totalDays; d += 42) {
      batch.notes.add([uuid(), episodeId, clinicianId, 'Reports steady progress with the home programme.', 'Flexion and extension improved since last review.', 'Improving as expected.', 'Progress the plan; review in six weeks.', at(episode.startIdx + d, 15, 0)]);
    }
    if (!active) {
      batch.notes.add([uuid(), episodeId, clinicianId, 'Managing well day to day.', 'Range of movement near normal for age.', 'Goals largely met.', 'Discharged with a home exercise plan.', at(episode.endIdx, 16, 0)]);
    }
    const goalStatus = active ? 'active' : random.chance(0.7) ? 'achieved' : 'not-achieved';
    batch.goals.add([uuid(), episodeId, `${activities[0]} without having to stop`, null, null, dayStrings[Math.min(episode.startIdx + 84, todayIdx)], goalStatus, clinicianId, at(episode.startIdx, 10, 20), at(episode.startIdx, 10, 20)]);
    batch.goals.add([uuid(), episodeId, 'Bend forward to 60° (lumbar flexion)', 'lumbar-flexion', 60, dayStrings[Math.min(episode.startIdx + 70, todayIdx)], goalStatus, clinicianId, at(episode.startIdx, 10, 20), at(episode.startIdx, 10, 20)]);

    // Alerts: what the rules raise today for active episodes; acknowledged ones in history.
    if (active) {
      const yesterday = dayStrings[todayIdx - 1]!;
      const worsening = isWorsening(daily, yesterday, intake);
      if (worsening.worsening) {
        batch.alerts.add([uuid(), episodeId, 'worsening', 'same-day', `Pain has been at least 2 points above the usual level (${worsening.baseline}) for 3 days in a row.`, { baseline: worsening.baseline, lastThree: worsening.lastThree, today: yesterday }, at(todayIdx - 1, 21, 30), null, null, null]);
      }
      if (isSeverePain(daily, yesterday)) {
        batch.alerts.add([uuid(), episodeId, 'severe-pain', 'same-day', 'Pain of 8/10 or more on 2 days in a row.', { lastTwo: daily.slice(-2).map((entry) => entry.score) }, at(todayIdx - 1, 21, 31), null, null, null]);
      }
      if (episode.quietFrom !== null) {
        batch.alerts.add([uuid(), episodeId, 'inactive', 'routine', 'Nothing logged for 7 days.', { lastActivityDay: dayStrings[episode.quietFrom - 1] }, at(episode.quietFrom + 7, 6, 0), null, null, null]);
      }
      if (episode.redFlag) {
        const answers = { ...NO_RED_FLAGS, ...Object.fromEntries(episode.redFlag.map((key) => [key, true])) };
        const { urgency, positives } = evaluateRedFlags(answers);
        const reportedAt = at(todayIdx - random.int(0, 2), 9);
        batch.redFlagScreens.add([uuid(), episodeId, answers, positives, urgency, uuid(), reportedAt]);
        batch.alerts.add([uuid(), episodeId, 'red-flag', urgency ?? '24h', 'The patient answered yes to a red-flag question.', { positives }, reportedAt, null, null, null]);
      }
    } else if (random.chance(0.15)) {
      const raisedIdx = episode.startIdx + random.int(7, Math.max(7, totalDays - 1));
      const reason = random.pick(['worsening', 'inactive', 'low-adherence'] as const);
      const message = { worsening: 'Pain has been at least 2 points above the usual level for 3 days in a row.', inactive: 'Nothing logged for 7 days.', 'low-adherence': 'Fewer than half of the prescribed sessions logged over 14 days.' }[reason];
      batch.alerts.add([uuid(), episodeId, reason, reason === 'worsening' ? 'same-day' : 'routine', message, {}, at(raisedIdx, 20), at(Math.min(raisedIdx + random.int(0, 2), todayIdx), 12), clinicianId, 'Phoned the patient; plan adjusted.']);
    }
  };

  for (let first = 1; first <= patientCount; first += CHUNK) {
    const last = Math.min(patientCount, first + CHUNK - 1);
    for (let n = first; n <= last; n += 1) {
      const patientId = uuid();
      const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
      const birthYear = random.int(1940, 2004);
      const episodesOfPatient = planEpisode(patientId, n);
      const joined = at(episodesOfPatient[0]!.startIdx, 9, 0);
      batch.users.add([patientId, clinicId, emails.patient(n), name, 'patient', passwordHash, `${birthYear}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`, null, joined, joined]);
      for (const episode of episodesOfPatient) writeEpisode(episode);
    }
    await db.transaction(async (tx) => {
      // Bulk load: a crash loses at most this chunk, which the "(incomplete)" name already warns about.
      await tx.execute(sql`set local synchronous_commit = off`);
      for (const name of FLUSH_ORDER) {
        const inserted = await batch[name].flush(tx);
        rows[batch[name].table] = (rows[batch[name].table] ?? 0) + inserted;
        totalRows += inserted;
      }
    });
    progress.tick(last, totalRows);
  }
  progress.finish(totalRows);

  // The notifications raising those alerts would have made (lib/notifications/staff.ts): one per
  // emergency or same-day alert, for its clinician, read once the alert was acknowledged.
  const [notified] = await executeRows<{ n: number }>(
    db,
    sql`with made as (
          insert into notifications (user_id, clinic_id, kind, title, href, dedupe_key, created_at, read_at)
          select e.clinician_id, e.clinic_id, 'alert-urgent', ${urgentAlertTitle(clinicName)}, '/clinician/alerts',
                 'alert:' || a.id || ':' || a.urgency, a.raised_at, a.acknowledged_at
          from alerts a join episodes e on e.id = a.episode_id
          where e.clinic_id = ${clinicId} and a.urgency in ('emergency', 'same-day')
          on conflict (dedupe_key) do nothing returning 1)
        select count(*)::int as n from made`,
  );
  rows.notifications = notified?.n ?? 0;
  totalRows += rows.notifications;

  await db.update(t.clinics).set({ name: clinicName }).where(eq(t.clinics.id, clinicId));
  return {
    clinicId,
    clinicName,
    patients: patientCount,
    clinicians: clinicianCount,
    benchCaseload,
    rows,
    totalRows,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Fresh planner statistics (and, on PostgreSQL, the visibility map for index-only scans). */
export async function analyzeGenerated(db: Db): Promise<void> {
  await db.execute(sql`vacuum (analyze)`);
}
