/**
 * Demo clinic with 8–12 weeks of realistic, deterministic history per patient. The random numbers
 * come from a seeded generator, and every date is counted back from `now`, so the same seed always
 * tells the same story ending today.
 */
import { count, eq } from 'drizzle-orm';
import { hashPassword } from '../lib/auth/password';
import type { Dosage } from '../lib/clinical/dosage';
import { scoreOdi } from '../lib/clinical/odi';
import { scorePsfs } from '../lib/clinical/psfs';
import { EVERY_LOG_RED_FLAG_QUESTIONS, evaluateRedFlags } from '../lib/clinical/red-flags';
import { BOTHERSOME_OPTIONS, scoreStartBack, type Bothersome } from '../lib/clinical/startback';
import { STARTER_EXERCISES } from '../lib/content/exercises';
import { PLAN_TEMPLATES } from '../lib/content/templates';
import { evaluatePainAlerts } from '../lib/dal/internal/alert-engine';
import { escalateUnacknowledgedAlerts } from '../lib/dal/internal/escalation-engine';
import { storeRedFlagScreen } from '../lib/dal/internal/red-flag-alerts';
import { addDays, localDay, zonedTimeToUtc } from '../lib/time';
import type { Db, Tx } from './connection';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import * as t from './schema';

export const DEMO_CLINIC_NAME = 'Demo Physio Clinic';
/** The demo clinic is in England: its zone and country are the clinic's settings, which every account follows. */
const TIME_ZONE = 'Europe/London';
const COUNTRY = 'GB';
/**
 * Alex Morgan's patient who reports a weakening leg (a same-day red flag) this many hours before the seed's
 * clock, longer than the clinic's 4-hour window: nobody acknowledges it, so it is escalated to the safety lead,
 * Sam Patel, and the demo shows the lead's "Escalated to you" list.
 */
const ESCALATED_DEMO_PATIENT = 'ivan.petrov@demo.test';
const RED_FLAG_HOURS_AGO = 6;

/** Small, fast, seedable PRNG (mulberry32). */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** Approximately normal noise (sum of uniforms). */
    noise: (sd: number) => (next() + next() + next() + next() - 2) * sd * 1.22,
  };
}
export type Random = ReturnType<typeof createRandom>;

export type Trajectory = 'improving' | 'slow' | 'plateau' | 'worsening' | 'fast';

type PatientProfile = {
  email: string;
  name: string;
  dateOfBirth: string;
  clinician: 'clinician' | 'clinician2';
  trajectory: Trajectory;
  intake: number;
  weeks: number;
  adherence: number;
  template: string;
  risk: 'low' | 'medium' | 'high';
  activities: [string, string, string];
};

const ACTIVE_PATIENTS: PatientProfile[] = [
  { email: DEMO_ACCOUNTS.patient, name: 'Jamie Taylor', dateOfBirth: '1978-04-12', clinician: 'clinician', trajectory: 'improving', intake: 7, weeks: 10, adherence: 0.85, template: 'chronic-strength-endurance', risk: 'medium', activities: ['Sitting through a film', 'Lifting shopping bags', 'Gardening'] },
  { email: 'derek.hughes@demo.test', name: 'Derek Hughes', dateOfBirth: '1961-09-03', clinician: 'clinician', trajectory: 'worsening', intake: 6, weeks: 9, adherence: 0.55, template: 'acute-first-two-weeks', risk: 'high', activities: ['Walking the dog', 'Getting in and out of the car', 'Sleeping through the night'] },
  { email: 'amina.okafor@demo.test', name: 'Amina Okafor', dateOfBirth: '1990-01-22', clinician: 'clinician', trajectory: 'fast', intake: 6, weeks: 9, adherence: 0.95, template: 'extension-preference', risk: 'low', activities: ['Running 5 km', 'Desk work for 2 hours', 'Carrying my toddler'] },
  { email: 'george.whitfield@demo.test', name: 'George Whitfield', dateOfBirth: '1949-06-30', clinician: 'clinician', trajectory: 'slow', intake: 8, weeks: 12, adherence: 0.6, template: 'acute-first-two-weeks', risk: 'high', activities: ['Walking to the shops', 'Putting on socks', 'Standing to cook'] },
  { email: 'priya.shah@demo.test', name: 'Priya Shah', dateOfBirth: '1985-11-08', clinician: 'clinician', trajectory: 'improving', intake: 5, weeks: 9, adherence: 0.75, template: 'chronic-strength-endurance', risk: 'low', activities: ['Yoga class', 'Long drives', 'Picking up my daughter'] },
  { email: 'tom.brennan@demo.test', name: 'Tom Brennan', dateOfBirth: '1972-03-17', clinician: 'clinician', trajectory: 'plateau', intake: 6, weeks: 11, adherence: 0.35, template: 'chronic-strength-endurance', risk: 'medium', activities: ['Lifting at work', 'Playing five-a-side', 'Sitting in meetings'] },
  { email: 'eleanor.price@demo.test', name: 'Eleanor Price', dateOfBirth: '1956-12-02', clinician: 'clinician', trajectory: 'improving', intake: 7, weeks: 10, adherence: 0.7, template: 'flexion-preference', risk: 'medium', activities: ['Walking uphill', 'Standing at the sink', 'Bowls'] },
  { email: 'marcus.reid@demo.test', name: 'Marcus Reid', dateOfBirth: '1995-07-19', clinician: 'clinician', trajectory: 'fast', intake: 5, weeks: 9, adherence: 0.9, template: 'extension-preference', risk: 'low', activities: ['Weight training', 'Cycling to work', 'Gaming sessions'] },
  { email: 'sofia.romano@demo.test', name: 'Sofia Romano', dateOfBirth: '1968-02-25', clinician: 'clinician', trajectory: 'slow', intake: 6, weeks: 12, adherence: 0.5, template: 'back-pain-with-leg-pain', risk: 'medium', activities: ['Hoovering', 'Sitting at work', 'Dancing'] },
  { email: 'kwame.mensah@demo.test', name: 'Kwame Mensah', dateOfBirth: '1980-10-11', clinician: 'clinician', trajectory: 'improving', intake: 8, weeks: 9, adherence: 0.8, template: 'acute-first-two-weeks', risk: 'high', activities: ['Driving a taxi shift', 'Lifting luggage', 'Playing with my kids'] },
  { email: DEMO_ACCOUNTS.patient2, name: 'Pat Evans', dateOfBirth: '1975-05-05', clinician: 'clinician2', trajectory: 'improving', intake: 6, weeks: 9, adherence: 0.8, template: 'chronic-strength-endurance', risk: 'medium', activities: ['Golf', 'Carrying shopping', 'Sitting on the train'] },
  { email: 'hannah.lewis@demo.test', name: 'Hannah Lewis', dateOfBirth: '1988-08-14', clinician: 'clinician2', trajectory: 'fast', intake: 5, weeks: 9, adherence: 0.9, template: 'mobility-and-flexibility', risk: 'low', activities: ['Swimming', 'Bending to load the dishwasher', 'Work at a laptop'] },
  { email: 'ivan.petrov@demo.test', name: 'Ivan Petrov', dateOfBirth: '1959-03-28', clinician: 'clinician2', trajectory: 'slow', intake: 7, weeks: 11, adherence: 0.45, template: 'acute-first-two-weeks', risk: 'high', activities: ['Walking to church', 'Getting out of bed', 'DIY'] },
  { email: 'lucy.chen@demo.test', name: 'Lucy Chen', dateOfBirth: '1993-12-09', clinician: 'clinician2', trajectory: 'improving', intake: 6, weeks: 10, adherence: 0.7, template: 'extension-preference', risk: 'low', activities: ['Climbing', 'Long haul flights', 'Sitting at a desk'] },
];

const FIRST_NAMES = ['Alice', 'Ben', 'Chloe', 'Daniel', 'Emma', 'Farah', 'Gareth', 'Holly', 'Imran', 'Joanna', 'Kieran', 'Leah', 'Mohammed', 'Niamh', 'Oliver', 'Paula', 'Rhys', 'Sarah'];
const LAST_NAMES = ['Adams', 'Bailey', 'Clarke', 'Davies', 'Edwards', 'Fraser', 'Gill', 'Hussain', 'Jones', 'Kaur', 'Murphy', 'Nowak', 'Owens', 'Patel', 'Quinn', 'Roberts', 'Singh', 'Walsh'];
const TRAJECTORIES: Trajectory[] = ['improving', 'fast', 'slow', 'plateau', 'improving', 'fast'];
export const SKIP_REASONS = ['pain', 'no-time', 'no-time', 'unclear', 'no-equipment'] as const;
export const LOCATION_SETS = [['lower-back'], ['lower-back', 'buttock'], ['lower-back', 'left-leg'], ['lower-back', 'right-leg'], ['lower-back']];

/** Pain expected on day `d` of `total` for a trajectory, before noise. */
export function expectedPain(trajectory: Trajectory, intake: number, d: number, total: number): number {
  const floor = { improving: 2.5, fast: 1.2, slow: 4, plateau: intake - 1, worsening: 3.5 }[trajectory];
  const tau = { improving: 18, fast: 10, slow: 30, plateau: 10, worsening: 14 }[trajectory];
  const base = floor + (intake - floor) * Math.exp(-d / tau);
  // The worsening patient flares over the last five days: each well above their recent level.
  if (trajectory === 'worsening' && d > total - 5) return Math.min(9, base + 3.6);
  return base;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export type SeedSummary = { clinicId: string; patients: number; painEntries: number; exerciseLogs: number };

/** The starter library as rows of one clinic's exercise table. */
export function starterExerciseRows(clinicId: string): (typeof t.exercises.$inferInsert)[] {
  return STARTER_EXERCISES.map((exercise) => ({
    clinicId,
    slug: exercise.slug,
    name: exercise.name,
    category: exercise.category,
    summary: exercise.summary,
    instructions: exercise.instructions,
    safetyNote: exercise.safetyNote,
    acceptablePain: exercise.acceptablePain,
    defaultDosage: exercise.defaultDosage,
    illustration: exercise.illustration,
  }));
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(t.clinics);
  return (row?.n ?? 0) === 0;
}

async function insertInChunks<T>(tx: Tx, table: Parameters<Tx['insert']>[0], rows: T[], size = 1000) {
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size) as never);
  }
}

/** Seeds the demo clinic. Refuses if a clinic with the demo name already exists. */
export async function seedDemo(db: Db, options: { now?: Date; seed?: number } = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const random = createRandom(options.seed ?? 20_261_128);
  const today = localDay(now, TIME_ZONE);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const existing = await db.select({ id: t.clinics.id }).from(t.clinics).where(eq(t.clinics.name, DEMO_CLINIC_NAME));
  if (existing.length > 0) throw new Error(`${DEMO_CLINIC_NAME} already exists; nothing was changed.`);

  return db.transaction(async (tx) => {
    const [clinic] = await tx
      .insert(t.clinics)
      .values({
        name: DEMO_CLINIC_NAME,
        timeZone: TIME_ZONE,
        country: COUNTRY,
        // Demo accounts sign in with the password alone; production clinics require MFA for managers.
        mfaRequiredForManagers: false,
        mfaRequiredForClinicians: false,
        // Reserved for fiction: Ofcom's drama range (020 7946 0xxx) and the .example domain.
        contactPhone: '020 7946 0123',
        contactEmail: 'reception@demo-physio.example',
        contactAddress: '12 Riverside Walk\nLondon SE1 9XX',
      })
      .returning({ id: t.clinics.id });
    const clinicId = clinic!.id;

    const staff = await tx
      .insert(t.users)
      .values([
        { clinicId, email: DEMO_ACCOUNTS.manager, name: 'Morgan Blake', role: 'manager', passwordHash },
        { clinicId, email: DEMO_ACCOUNTS.clinician, name: 'Sam Patel', role: 'clinician', passwordHash },
        { clinicId, email: DEMO_ACCOUNTS.clinician2, name: 'Alex Morgan', role: 'clinician', passwordHash },
      ])
      .returning({ id: t.users.id, email: t.users.email });
    const staffId = (email: string) => staff.find((s) => s.email === email)!.id;
    const clinicianIds = { clinician: staffId(DEMO_ACCOUNTS.clinician), clinician2: staffId(DEMO_ACCOUNTS.clinician2) };
    // Sam Patel leads patient safety: alerts left unacknowledged past the clinic's windows go to them.
    await tx.update(t.clinics).set({ safetyLeadId: clinicianIds.clinician }).where(eq(t.clinics.id, clinicId));

    const exerciseRows = await tx
      .insert(t.exercises)
      .values(starterExerciseRows(clinicId))
      .returning({ id: t.exercises.id, slug: t.exercises.slug });
    const exerciseId = new Map(exerciseRows.map((row) => [row.slug, row.id]));

    // Historical, discharged episodes give the manager's outcome figures something to count.
    const discharged: PatientProfile[] = [];
    for (let i = 0; i < 18; i += 1) {
      const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
      const last = LAST_NAMES[(i * 7) % LAST_NAMES.length]!;
      discharged.push({
        email: `${first}.${last}.${i}@demo.test`.toLowerCase(),
        name: `${first} ${last}`,
        dateOfBirth: `${1950 + random.int(0, 45)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
        clinician: i % 5 < 3 ? 'clinician' : 'clinician2',
        trajectory: random.pick(TRAJECTORIES),
        intake: random.int(4, 9),
        weeks: random.int(6, 12),
        adherence: 0.3 + random.next() * 0.65,
        template: random.pick(PLAN_TEMPLATES).key,
        risk: random.pick(['low', 'medium', 'high'] as const),
        activities: ['Walking', 'Sitting', 'Lifting'],
      });
    }

    const summary: SeedSummary = { clinicId, patients: 0, painEntries: 0, exerciseLogs: 0 };
    const profiles = [
      ...ACTIVE_PATIENTS.map((profile) => ({ profile, endDaysAgo: 0 })),
      // Spread discharges over the past eleven months so monthly cohorts have data.
      ...discharged.map((profile, i) => ({ profile, endDaysAgo: 20 + Math.round((i * 320) / discharged.length) })),
    ];

    for (const { profile, endDaysAgo } of profiles) {
      const [patient] = await tx
        .insert(t.users)
        .values({
          clinicId,
          email: profile.email,
          name: profile.name,
          role: 'patient',
          passwordHash,
          dateOfBirth: profile.dateOfBirth,
        })
        .returning({ id: t.users.id });
      const clinicianId = clinicianIds[profile.clinician];
      const lastDay = addDays(today, -endDaysAgo);
      const totalDays = profile.weeks * 7;
      const firstDay = addDays(lastDay, -totalDays);
      const active = endDaysAgo === 0;
      const at = (day: string, hour: number, minute = random.int(0, 59)) => zonedTimeToUtc(day, hour, minute, TIME_ZONE);

      const [episode] = await tx
        .insert(t.episodes)
        .values({
          clinicId,
          patientId: patient!.id,
          clinicianId,
          pseudonym: pseudonym(random),
          condition: profile.trajectory === 'worsening' ? 'Low back pain with right leg pain' : 'Non-specific low back pain',
          startedAt: at(firstDay, 9, 30),
          intakeNprs: profile.intake,
          status: active ? 'active' : 'discharged',
          dischargedAt: active ? null : at(lastDay, 16, 0),
          dischargeSummary: active ? null : 'Goals met; continuing home exercise independently.',
        })
        .returning({ id: t.episodes.id });
      const episodeId = episode!.id;
      summary.patients += 1;

      // Plan version 1 from the template; version 2 three weeks in adds or progresses exercises.
      const template = PLAN_TEMPLATES.find((candidate) => candidate.key === profile.template) ?? PLAN_TEMPLATES[0]!;
      const planVersions: { version: number; fromDay: string; items: { id: string; dosage: Dosage }[] }[] = [];
      const versionSpecs = [
        { version: 1, fromDay: firstDay, slugs: template.items.map((item) => ({ slug: item.slug, dosage: item.dosage })) },
        {
          version: 2,
          fromDay: addDays(firstDay, 21),
          slugs: [
            ...template.items.slice(1).map((item) => ({ slug: item.slug, dosage: item.dosage })),
            { slug: 'glute-bridge', dosage: undefined },
          ].filter((item, index, all) => all.findIndex((other) => other.slug === item.slug) === index),
        },
      ];
      for (const spec of versionSpecs) {
        const [plan] = await tx
          .insert(t.plans)
          .values({
            episodeId,
            version: spec.version,
            createdBy: clinicianId,
            note: spec.version === 1 ? `Started from “${template.name}”.` : 'Progressed after the three-week review.',
            createdAt: at(spec.fromDay, 10, 0),
          })
          .returning({ id: t.plans.id });
        const items = await tx
          .insert(t.planItems)
          .values(
            spec.slugs.map((item, position) => {
              const exercise = STARTER_EXERCISES.find((candidate) => candidate.slug === item.slug)!;
              const dosage = { ...exercise.defaultDosage, ...item.dosage };
              return { planId: plan!.id, exerciseId: exerciseId.get(item.slug)!, position, ...dosage };
            }),
          )
          .returning({ id: t.planItems.id, position: t.planItems.position });
        planVersions.push({
          version: spec.version,
          fromDay: spec.fromDay,
          items: items
            .sort((a, b) => a.position - b.position)
            .map((row, index) => {
              const slug = spec.slugs[index]!;
              const exercise = STARTER_EXERCISES.find((candidate) => candidate.slug === slug.slug)!;
              return { id: row.id, dosage: { ...exercise.defaultDosage, ...slug.dosage } };
            }),
        });
      }

      const painRows: (typeof t.painEntries.$inferInsert)[] = [];
      const logRows: (typeof t.exerciseLogs.$inferInsert)[] = [];
      const dailyPain: number[] = [];
      for (let d = 0; d <= totalDays; d += 1) {
        const day = addDays(firstDay, d);
        const expected = expectedPain(profile.trajectory, profile.intake, d, totalDays);
        const score = clamp(Math.round(expected + random.noise(0.8)), 0, 10);
        dailyPain.push(score);
        const flare = profile.trajectory === 'worsening' && d > totalDays - 5;
        const logsPain = active ? flare || random.chance(0.82) : random.chance(0.45);
        // Active patients have logged nothing yet today, so the demo starts with today's tasks open.
        if (logsPain && !(active && d === totalDays)) {
          const recordedAt = at(day, random.int(7, 21));
          painRows.push({
            episodeId,
            score,
            worst24h: random.chance(0.4) ? clamp(score + random.int(0, 2), 0, 10) : null,
            locations: profile.trajectory === 'worsening' ? ['lower-back', 'right-leg'] : random.pick(LOCATION_SETS),
            belowKnee: profile.trajectory === 'worsening' && flare,
            note: flare && d === totalDays - 1 ? 'Pain shooting down my right leg since lifting a box.' : null,
            recordedAt,
            localDay: day,
            submissionId: crypto.randomUUID(),
          });
        }
        if (active && d === totalDays) continue;
        const plan = [...planVersions].reverse().find((version) => version.fromDay <= day)!;
        // Adherence drifts: a little higher at the start of care, lower when pain flares.
        const adherence = clamp(profile.adherence + (d < 14 ? 0.05 : 0) - (flare ? 0.3 : 0), 0.05, 0.98);
        for (const item of plan.items) {
          if (d % 7 >= item.dosage.daysPerWeek) continue;
          for (let session = 0; session < item.dosage.timesPerDay; session += 1) {
            if (!active && !random.chance(0.5)) continue;
            const loggedAt = at(day, 8 + session * 5 + random.int(0, 3));
            if (random.chance(adherence)) {
              const partial = random.chance(0.1);
              const sets = item.dosage.sets ?? 1;
              logRows.push({
                episodeId,
                planItemId: item.id,
                status: partial ? 'partial' : 'done',
                setsDone: partial ? Math.max(0, sets - 1) : sets,
                difficulty: clamp(Math.round(5 - d / 20 + random.noise(1.2)), 0, 10),
                painDuring: clamp(Math.round(score - 1 + random.noise(1)), 0, 10),
                skipReason: partial && random.chance(0.5) ? 'pain' : null,
                loggedAt,
                localDay: day,
                submissionId: crypto.randomUUID(),
              });
            } else if (random.chance(0.2)) {
              logRows.push({
                episodeId,
                planItemId: item.id,
                status: 'skipped',
                skipReason: flare ? 'pain' : random.pick(SKIP_REASONS),
                loggedAt,
                localDay: day,
                submissionId: crypto.randomUUID(),
              });
            }
          }
        }
      }
      await insertInChunks(tx, t.painEntries, painRows);
      await insertInChunks(tx, t.exerciseLogs, logRows);
      summary.painEntries += painRows.length;
      summary.exerciseLogs += logRows.length;

      // Questionnaires: ODI and PSFS at baseline, week 4 and week 8 (and at discharge); STarT Back at baseline.
      const questionnaireDays = [0, 28, 56].filter((d) => d <= totalDays - (active ? 1 : 0));
      if (!active && !questionnaireDays.includes(totalDays)) questionnaireDays.push(totalDays);
      const responses: (typeof t.questionnaireResponses.$inferInsert)[] = [];
      for (const d of questionnaireDays) {
        const day = addDays(firstDay, d);
        const completedAt = at(day, 11);
        const pain = dailyPain[d] ?? profile.intake;
        const sections = Array.from({ length: 10 }, (_, index) =>
          index === 7 && random.chance(0.3) ? null : clamp(Math.round(pain / 2 + random.noise(0.7)), 0, 5),
        );
        const odi = scoreOdi(sections);
        responses.push({
          episodeId,
          instrument: 'ODI',
          status: 'completed',
          answers: { sections },
          score: odi.score,
          band: odi.band,
          startedAt: completedAt,
          completedAt,
          submissionId: crypto.randomUUID(),
        });
        const ratings = profile.activities.map(() => clamp(Math.round(10 - pain + random.noise(1)), 0, 10));
        const psfs = scorePsfs(ratings);
        responses.push({
          episodeId,
          instrument: 'PSFS',
          status: 'completed',
          answers: { activities: profile.activities.map((name, index) => ({ name, rating: ratings[index]! })) },
          score: psfs.score,
          startedAt: completedAt,
          completedAt,
          submissionId: crypto.randomUUID(),
        });
      }
      const startBack = startBackAnswers(profile.risk, random);
      const scoredStartBack = scoreStartBack(startBack.agree, startBack.bothersome);
      const baselineAt = at(firstDay, 10, 45);
      responses.push({
        episodeId,
        instrument: 'STARTBACK',
        status: 'completed',
        answers: startBack,
        score: scoredStartBack.total,
        subscore: scoredStartBack.psychosocial,
        band: scoredStartBack.risk,
        startedAt: baselineAt,
        completedAt: baselineAt,
        submissionId: crypto.randomUUID(),
      });
      await tx.insert(t.questionnaireResponses).values(responses);

      // Lumbar range of motion every one to two weeks, improving with the pain.
      const measurementRows: (typeof t.measurements.$inferInsert)[] = [];
      for (let d = 0; d <= totalDays - (active ? 1 : 0); d += random.chance(0.5) ? 7 : 14) {
        const progress = 1 - (dailyPain[d] ?? profile.intake) / 10;
        const measuredAt = at(addDays(firstDay, d), 14);
        const value = (low: number, high: number, sd: number) => Math.round(low + (high - low) * progress + random.noise(sd));
        const add = (code: string, v: number, unit: 'deg' | 'cm', method: string | null) =>
          measurementRows.push({ episodeId, clinicianId, code, value: v, unit, method, measuredAt });
        add('lumbar-flexion', clamp(value(30, 68, 3), 0, 120), 'deg', 'dual-inclinometer');
        add('lumbar-extension', clamp(value(8, 26, 2), 0, 60), 'deg', 'dual-inclinometer');
        add('lumbar-lateral-flexion-left', clamp(value(12, 27, 2), 0, 60), 'deg', 'dual-inclinometer');
        add('lumbar-lateral-flexion-right', clamp(value(11, 26, 2), 0, 60), 'deg', 'dual-inclinometer');
        add('lumbar-rotation-left', clamp(value(5, 14, 1.5), 0, 60), 'deg', 'visual-estimate');
        add('lumbar-rotation-right', clamp(value(5, 14, 1.5), 0, 60), 'deg', 'visual-estimate');
        add('modified-schober', clamp(Math.round((17.5 + 3.5 * progress + random.noise(0.3)) * 10) / 10, 10, 30), 'cm', null);
        add('fingertip-to-floor', clamp(value(35, 5, 2), -30, 70), 'cm', null);
      }
      await insertInChunks(tx, t.measurements, measurementRows);

      if (active) {
        await tx.insert(t.goals).values([
          { episodeId, description: `${profile.activities[0]} without having to stop`, status: 'active', createdBy: clinicianId, targetDate: addDays(firstDay, 84) },
          { episodeId, description: 'Bend forward to 60° (lumbar flexion)', measureCode: 'lumbar-flexion', targetValue: 60, status: 'active', createdBy: clinicianId, targetDate: addDays(firstDay, 70) },
        ]);
        await tx.insert(t.notes).values({
          episodeId,
          authorId: clinicianId,
          subjective: `Low back pain for ${random.int(3, 20)} weeks. Worse with prolonged sitting.`,
          objective: 'Lumbar flexion limited and painful at end of range. Neurological screen clear.',
          assessment: 'Non-specific low back pain. No red flags on screening.',
          plan: `Education, graded activity and home exercise (${template.name}). Review in two weeks.`,
          createdAt: at(firstDay, 10, 15),
        });
        // The pain rules run through the app's own engine, on the clock of the patient's last log, as they did then.
        const lastLog = painRows.at(-1)?.recordedAt;
        if (lastLog instanceof Date) {
          await evaluatePainAlerts(tx, episodeId, lastLog, { intakeNprs: profile.intake, timeZone: TIME_ZONE, status: 'active' });
        }
        if (profile.email === ESCALATED_DEMO_PATIENT) {
          await logPainWithRedFlag(tx, { episodeId, intakeNprs: profile.intake, score: dailyPain.at(-1) ?? profile.intake, at: new Date(now.getTime() - RED_FLAG_HOURS_AGO * 3_600_000) });
          summary.painEntries += 1;
        }
      }
    }
    // The scheduled evaluation, once, at the seed's clock: alerts nobody acknowledged within the clinic's windows
    // go to the safety lead, with their audit rows, exactly as `npm run alerts:evaluate` would escalate them now.
    await escalateUnacknowledgedAlerts(tx, { now });
    return summary;
  });
}

/**
 * A pain log whose red-flag answers report a leg getting weaker, written as createPainEntry (lib/dal/pain.ts)
 * writes one: the entry, its answers, the red-flag alert, then the pain rules, on the log's own clock.
 */
async function logPainWithRedFlag(tx: Tx, input: { episodeId: string; intakeNprs: number; score: number; at: Date }): Promise<void> {
  const { episodeId, at } = input;
  const answers = Object.fromEntries(EVERY_LOG_RED_FLAG_QUESTIONS.map((question) => [question.key, question.key === 'leg-weakness-worsening']));
  const evaluation = evaluateRedFlags(answers);
  const submissionId = crypto.randomUUID();
  const [entry] = await tx
    .insert(t.painEntries)
    .values({
      episodeId,
      score: input.score,
      worst24h: null,
      locations: ['lower-back', 'left-leg'],
      belowKnee: true,
      note: 'My left leg feels weaker on the stairs than last week.',
      recordedAt: at,
      localDay: localDay(at, TIME_ZONE),
      submissionId,
    })
    .returning({ id: t.painEntries.id });
  await storeRedFlagScreen(tx, { episodeId, painEntryId: entry!.id, answers, evaluation, submissionId, now: at });
  await evaluatePainAlerts(tx, episodeId, at, { intakeNprs: input.intakeNprs, timeZone: TIME_ZONE, status: 'active' });
}

function pseudonym(random: Random): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let id = 'EP-';
  for (let i = 0; i < 6; i += 1) id += alphabet[Math.floor(random.next() * alphabet.length)];
  return id;
}

export function startBackAnswers(risk: 'low' | 'medium' | 'high', random: Random): { agree: boolean[]; bothersome: Bothersome } {
  if (risk === 'low') {
    return { agree: [true, false, random.chance(0.5), false, false, false, false, false], bothersome: 'Moderately' };
  }
  if (risk === 'medium') {
    return { agree: [true, true, true, true, false, true, false, false], bothersome: 'Moderately' };
  }
  return { agree: [true, false, true, true, true, true, true, random.chance(0.5)], bothersome: BOTHERSOME_OPTIONS[3] };
}
