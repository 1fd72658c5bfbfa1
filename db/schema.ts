/**
 * The Uplift data model for the whole product. Database constraints mirror the zod rules in
 * lib/validation so that a bug in a form can never store an impossible value.
 *
 * Health data tables reference episodes with ON DELETE RESTRICT: a clinical record is never
 * removed as a side effect of deleting something else.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { ALERT_REASON_CODES } from '../lib/clinical/alerts';
import type { Dosage } from '../lib/clinical/dosage';
import { ESCALATION_WINDOW_DEFAULTS, ESCALATION_WINDOW_LIMITS } from '../lib/clinical/escalation';
import { INSTRUMENTS } from '../lib/clinical/instruments';
import { CLINIC_COUNTRIES } from '../lib/content/emergency-services';
import { NUDGE_DAYS_DEFAULT, NUDGE_DAYS_LIMITS } from '../lib/reminders/preferences';
import { MESSAGE_BODY_MAX, MESSAGE_REPLY_DAYS_DEFAULT, MESSAGE_REPLY_DAYS_LIMITS } from '../lib/messages/limits';
import { APPOINTMENT_KINDS, ATTENDANCE_OUTCOMES, BOOKING_RULE_DEFAULTS, BOOKING_RULE_LIMITS } from '../lib/appointments/rules';

/*
 * Column groups many tables share. Each is a function so that every table gets builders of its own:
 * Drizzle's builders are changed in place by `.notNull()`, `.primaryKey()` and the like.
 */

/** An instant: stored in UTC, shown in the reader's zone. */
const timestamptz = <TName extends string>(name: TName) => timestamp(name, { withTimezone: true });

const uuidPrimaryKey = () => uuid('id').primaryKey().defaultRandom();

const timestamps = () => ({ createdAt: timestamptz('created_at').notNull().defaultNow() });

/** The clinic a row belongs to: a clinic that still has rows cannot be deleted. */
const clinicRef = () => uuid('clinic_id').notNull().references((): AnyPgColumn => clinics.id, { onDelete: 'restrict' });

/** The episode a health record belongs to: never removed as a side effect (see the top of this file). */
const episodeRef = () => uuid('episode_id').notNull().references((): AnyPgColumn => episodes.id, { onDelete: 'restrict' });

/** A check that keeps a setting within the limits its form enforces (the limits live beside the form's rules). */
const withinLimits = (name: string, column: AnyPgColumn, limits: { min: number; max: number }) =>
  check(name, sql`${column} between ${sql.raw(String(limits.min))} and ${sql.raw(String(limits.max))}`);

/** A person a row names; `onDelete` says what deleting that person does to the row. */
const userRef = <TName extends string>(name: TName, onDelete: 'restrict' | 'cascade' | 'set null') =>
  uuid(name).references((): AnyPgColumn => users.id, { onDelete });

export const roleEnum = pgEnum('role', ['patient', 'clinician', 'manager']);
export const episodeStatusEnum = pgEnum('episode_status', ['active', 'discharged']);
export const exerciseLogStatusEnum = pgEnum('exercise_log_status', ['done', 'partial', 'skipped']);
export const skipReasonEnum = pgEnum('skip_reason', ['pain', 'no-time', 'unclear', 'no-equipment', 'other']);
export const instrumentEnum = pgEnum('instrument', INSTRUMENTS);
export const responseStatusEnum = pgEnum('response_status', ['in-progress', 'completed']);
export const startbackRiskEnum = pgEnum('startback_risk', ['low', 'medium', 'high']);
export const goalStatusEnum = pgEnum('goal_status', ['active', 'achieved', 'not-achieved', 'cancelled']);
export const alertReasonEnum = pgEnum('alert_reason', ALERT_REASON_CODES);
export const alertUrgencyEnum = pgEnum('alert_urgency', ['emergency', 'same-day', '24h', 'routine']);
export const tokenKindEnum = pgEnum('token_kind', ['invite', 'reset']);
export const messageKindEnum = pgEnum('message_kind', ['message', 'visit-request']);
export const auditOutcomeEnum = pgEnum('audit_outcome', ['success', 'denied', 'failure']);
export const appointmentKindEnum = pgEnum('appointment_kind', APPOINTMENT_KINDS);
export const appointmentStatusEnum = pgEnum('appointment_status', ['booked', 'cancelled']);
export const attendanceEnum = pgEnum('attendance', ATTENDANCE_OUTCOMES);
export const availabilityExceptionKindEnum = pgEnum('availability_exception_kind', ['unavailable', 'extra']);
export const notificationChannelEnum = pgEnum('notification_channel', ['email', 'push']);
export const deliveryStatusEnum = pgEnum('delivery_status', ['queued', 'sent', 'failed', 'retired']);
export const deliveryOutcomeEnum = pgEnum('delivery_outcome', ['sent', 'temporary-failure', 'permanent-failure', 'retired']);

export const clinics = pgTable(
  'clinics',
  {
    id: uuidPrimaryKey(),
    name: text('name').notNull(),
    /** IANA zone name: the day of everyone at the clinic who has not chosen their own (lib/time/zone.ts). No default: each clinic sets it. */
    timeZone: text('time_zone').notNull(),
    /** Picks the emergency number and urgent-advice service patients are told to call (lib/content/emergency-services.ts). */
    country: text('country').notNull(),
    mfaRequiredForManagers: boolean('mfa_required_for_managers').notNull().default(true),
    mfaRequiredForClinicians: boolean('mfa_required_for_clinicians').notNull().default(false),
    /** Clinic policy: may managers see patient names in outcome drill-downs? Off by default. */
    managersSeePatientIdentity: boolean('managers_see_patient_identity').notNull().default(false),
    /** How the clinic is reached: printed on exercise plans and letters. Empty until a manager sets it. */
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    contactAddress: text('contact_address'),
    /**
     * Years a closed patient's record is kept after the account is closed before it is purged
     * (docs/SECURITY.md, "Retention and erasure": 8 years for adult records in the NHS Records
     * Management Code of Practice).
     */
    retentionYears: smallint('retention_years').notNull().default(8),
    /**
     * The clinician who receives alerts left unacknowledged past the windows below (docs/CLINICAL.md,
     * "Escalation and cover"). Null until a manager names one; escalations are still recorded meanwhile.
     */
    safetyLeadId: userRef('safety_lead_id', 'restrict'),
    /** Minutes an open alert of each urgency may wait for acknowledgement before it is escalated. */
    escalateEmergencyMinutes: integer('escalate_emergency_minutes').notNull().default(ESCALATION_WINDOW_DEFAULTS.emergency),
    escalateSameDayMinutes: integer('escalate_same_day_minutes').notNull().default(ESCALATION_WINDOW_DEFAULTS['same-day']),
    escalateReviewMinutes: integer('escalate_review_minutes').notNull().default(ESCALATION_WINDOW_DEFAULTS['24h']),
    /** Days with nothing logged before a patient gets a gentle nudge (docs/CLINICAL.md, "Reminders"). */
    reminderNudgeDays: smallint('reminder_nudge_days').notNull().default(NUDGE_DAYS_DEFAULT),
    /** Working days within which the care team answers a patient's message: shown to the patient as they write. */
    messageReplyWorkingDays: smallint('message_reply_working_days').notNull().default(MESSAGE_REPLY_DAYS_DEFAULT),
    /** After discharge the patient's message thread can be read but not written to (docs/CLINICAL.md, "Messages"). */
    messagesReadOnlyAfterDischarge: boolean('messages_read_only_after_discharge').notNull().default(true),
    /** Patients book follow-ups at most this many days ahead (docs/APPOINTMENTS.md). */
    bookingHorizonDays: smallint('booking_horizon_days').notNull().default(BOOKING_RULE_DEFAULTS.horizonDays),
    /** The length of a follow-up a patient books, in minutes; availability is cut into slots this long. */
    slotMinutes: smallint('slot_minutes').notNull().default(BOOKING_RULE_DEFAULTS.slotMinutes),
    /** A patient cancels online up to this many hours before a visit; later, they call the clinic. */
    cancellationWindowHours: smallint('cancellation_window_hours').notNull().default(BOOKING_RULE_DEFAULTS.cancellationWindowHours),
    ...timestamps(),
  },
  (t) => [
    check('clinics_country_known', sql`${t.country} in (${sql.raw(CLINIC_COUNTRIES.map((code) => `'${code}'`).join(', '))})`),
    check('clinics_retention_years_range', sql`${t.retentionYears} between 1 and 100`),
    check('clinics_contact_phone_length', sql`${t.contactPhone} is null or char_length(${t.contactPhone}) <= 40`),
    check('clinics_contact_email_length', sql`${t.contactEmail} is null or char_length(${t.contactEmail}) <= 254`),
    check('clinics_contact_address_length', sql`${t.contactAddress} is null or char_length(${t.contactAddress}) <= 300`),
    withinLimits('clinics_escalate_emergency_range', t.escalateEmergencyMinutes, ESCALATION_WINDOW_LIMITS),
    withinLimits('clinics_escalate_same_day_range', t.escalateSameDayMinutes, ESCALATION_WINDOW_LIMITS),
    withinLimits('clinics_reminder_nudge_days_range', t.reminderNudgeDays, NUDGE_DAYS_LIMITS),
    withinLimits('clinics_escalate_review_range', t.escalateReviewMinutes, ESCALATION_WINDOW_LIMITS),
    withinLimits('clinics_message_reply_days_range', t.messageReplyWorkingDays, MESSAGE_REPLY_DAYS_LIMITS),
    withinLimits('clinics_booking_horizon_range', t.bookingHorizonDays, BOOKING_RULE_LIMITS.horizonDays),
    withinLimits('clinics_slot_minutes_range', t.slotMinutes, BOOKING_RULE_LIMITS.slotMinutes),
    withinLimits('clinics_cancellation_window_range', t.cancellationWindowHours, BOOKING_RULE_LIMITS.cancellationWindowHours),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuidPrimaryKey(),
    clinicId: clinicRef(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    /** argon2id; null until an invited user sets a password. Never leaves lib/auth. */
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    /** Bumped on password change, role change, deactivation and "sign out everywhere". */
    sessionVersion: integer('session_version').notNull().default(1),
    dateOfBirth: date('date_of_birth'),
    /** The person's own IANA zone, or null to follow their clinic's (lib/time/zone.ts personTimeZone). */
    timeZone: text('time_zone'),
    mfaSecret: text('mfa_secret'),
    mfaEnabledAt: timestamptz('mfa_enabled_at'),
    /**
     * Set when staff reset this account's password without email and its second factor was cleared:
     * the person must enrol again at their next sign-in and is told there (docs/SECURITY.md).
     */
    mfaResetAt: timestamptz('mfa_reset_at'),
    lastSignInAt: timestamptz('last_sign_in_at'),
    /**
     * Set while a clinician is away: the clinician of the same clinic who sees and acts on their
     * patients and alerts until they are back (cleared). Both are set or neither.
     */
    coverClinicianId: userRef('cover_clinician_id', 'restrict'),
    awaySince: timestamptz('away_since'),
    /** Clinicians: a morning summary of counts (open alerts, escalations, unread notifications) at about 07:30 in their zone. */
    morningDigest: boolean('morning_digest').notNull().default(false),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_clinic_role_idx').on(t.clinicId, t.role),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('users_name_length', sql`char_length(${t.name}) between 1 and 200`),
    check('users_cover_not_self', sql`${t.coverClinicianId} is null or ${t.coverClinicianId} <> ${t.id}`),
    check('users_away_consistent', sql`(${t.coverClinicianId} is null) = (${t.awaySince} is null)`),
    // Whose patients a clinician is covering: one probe on every caseload, inbox and record read.
    index('users_cover_idx').on(t.coverClinicianId).where(sql`${t.coverClinicianId} is not null`),
  ],
);

export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: uuidPrimaryKey(),
    userId: userRef('user_id', 'cascade').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamptz('used_at'),
    ...timestamps(),
  },
  (t) => [index('mfa_recovery_codes_user_idx').on(t.userId)],
);

/** Sign-in throttling, keyed per account ("account:<email>") and per client ("client:<address>"). */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamptz('locked_until'),
  lastFailureAt: timestamptz('last_failure_at').notNull().defaultNow(),
});

export const tokens = pgTable(
  'tokens',
  {
    id: uuidPrimaryKey(),
    userId: userRef('user_id', 'cascade').notNull(),
    kind: tokenKindEnum('kind').notNull(),
    /** SHA-256 of the secret in the link; the secret itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
    createdBy: userRef('created_by', 'set null'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('tokens_hash_unique').on(t.tokenHash), index('tokens_user_idx').on(t.userId)],
);

export const episodes = pgTable(
  'episodes',
  {
    id: uuidPrimaryKey(),
    clinicId: clinicRef(),
    patientId: userRef('patient_id', 'restrict').notNull(),
    clinicianId: userRef('clinician_id', 'restrict').notNull(),
    /** Stable pseudonymous id shown to managers instead of the patient's name. */
    pseudonym: text('pseudonym').notNull(),
    condition: text('condition').notNull().default('Non-specific low back pain'),
    startedAt: timestamptz('started_at').notNull(),
    intakeNprs: smallint('intake_nprs').notNull(),
    status: episodeStatusEnum('status').notNull().default('active'),
    dischargedAt: timestamptz('discharged_at'),
    dischargeSummary: text('discharge_summary'),
    /** Weeks between routine questionnaires; the clinician may change it. */
    questionnaireIntervalWeeks: smallint('questionnaire_interval_weeks').notNull().default(4),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('episodes_pseudonym_unique').on(t.pseudonym),
    index('episodes_clinician_status_idx').on(t.clinicianId, t.status),
    index('episodes_patient_idx').on(t.patientId),
    index('episodes_clinic_started_idx').on(t.clinicId, t.startedAt),
    // Clinic-wide counts by status (manager pages) read this index alone.
    index('episodes_clinic_status_idx').on(t.clinicId, t.status, t.patientId),
    check('episodes_intake_nprs_range', sql`${t.intakeNprs} between 0 and 10`),
    check('episodes_interval_range', sql`${t.questionnaireIntervalWeeks} between 1 and 26`),
    check(
      'episodes_discharge_consistent',
      sql`(${t.status} = 'discharged') = (${t.dischargedAt} is not null)`,
    ),
  ],
);

export const exercises = pgTable(
  'exercises',
  {
    id: uuidPrimaryKey(),
    clinicId: clinicRef(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    summary: text('summary').notNull().default(''),
    instructions: jsonb('instructions').$type<string[]>().notNull(),
    safetyNote: text('safety_note').notNull(),
    acceptablePain: text('acceptable_pain').notNull(),
    defaultDosage: jsonb('default_dosage')
      .$type<Dosage>()
      .notNull(),
    illustration: text('illustration'),
    createdBy: userRef('created_by', 'set null'),
    /** The form's submission id: a second submit of the same form stores nothing (null for seeded rows). */
    submissionId: uuid('submission_id'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('exercises_clinic_slug_unique').on(t.clinicId, t.slug),
    uniqueIndex('exercises_submission_unique').on(t.submissionId),
    check('exercises_name_length', sql`char_length(${t.name}) between 1 and 120`),
  ],
);

/** A plan is versioned: saving creates version n+1; the highest version is the one in use. */
export const plans = pgTable(
  'plans',
  {
    id: uuidPrimaryKey(),
    episodeId: episodeRef(),
    version: integer('version').notNull(),
    createdBy: userRef('created_by', 'restrict').notNull(),
    note: text('note'),
    /**
     * Exercise sessions a week this version asks for: the sum over its items of times a day × days a week.
     * Kept by a trigger on plan_items (migration 0005), so reports read one number per version.
     */
    sessionsPerWeek: integer('sessions_per_week').notNull().default(0),
    /** The form's submission id: a second submit of the same save stores nothing and answers with this version. */
    submissionId: uuid('submission_id'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('plans_submission_unique').on(t.submissionId),
    // Two clinicians saving the same base version: the second insert fails here (optimistic concurrency).
    uniqueIndex('plans_episode_version_unique').on(t.episodeId, t.version),
    check('plans_version_positive', sql`${t.version} >= 1`),
  ],
);

export const planItems = pgTable(
  'plan_items',
  {
    id: uuidPrimaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'restrict' }),
    position: smallint('position').notNull(),
    sets: smallint('sets'),
    reps: smallint('reps'),
    holdSeconds: smallint('hold_seconds'),
    durationMinutes: smallint('duration_minutes'),
    timesPerDay: smallint('times_per_day').notNull().default(1),
    daysPerWeek: smallint('days_per_week').notNull().default(7),
    perSide: boolean('per_side').notNull().default(false),
    instructionsNote: text('instructions_note'),
  },
  (t) => [
    uniqueIndex('plan_items_plan_position_unique').on(t.planId, t.position),
    check('plan_items_sets_range', sql`${t.sets} is null or ${t.sets} between 1 and 10`),
    check('plan_items_reps_range', sql`${t.reps} is null or ${t.reps} between 1 and 100`),
    check('plan_items_hold_range', sql`${t.holdSeconds} is null or ${t.holdSeconds} between 1 and 600`),
    check(
      'plan_items_duration_range',
      sql`${t.durationMinutes} is null or ${t.durationMinutes} between 1 and 180`,
    ),
    check('plan_items_times_range', sql`${t.timesPerDay} between 1 and 10`),
    check('plan_items_days_range', sql`${t.daysPerWeek} between 1 and 7`),
  ],
);

export const exerciseLogs = pgTable(
  'exercise_logs',
  {
    id: uuidPrimaryKey(),
    episodeId: episodeRef(),
    planItemId: uuid('plan_item_id')
      .notNull()
      .references(() => planItems.id, { onDelete: 'restrict' }),
    status: exerciseLogStatusEnum('status').notNull(),
    setsDone: smallint('sets_done'),
    difficulty: smallint('difficulty'),
    painDuring: smallint('pain_during'),
    skipReason: skipReasonEnum('skip_reason'),
    loggedAt: timestamptz('logged_at').notNull().defaultNow(),
    /** Calendar day in the patient's time zone, so "done today" and adherence need no tz maths in SQL. */
    localDay: date('local_day').notNull(),
    /** Idempotency key generated when the form renders: a double submit creates one row. */
    submissionId: uuid('submission_id').notNull(),
  },
  (t) => [
    uniqueIndex('exercise_logs_submission_unique').on(t.submissionId),
    index('exercise_logs_episode_day_idx').on(t.episodeId, t.localDay),
    index('exercise_logs_episode_logged_idx').on(t.episodeId, t.loggedAt),
    // Sessions that count (done or partial): adherence counts them by day (caseload) or by time
    // (clinic outcomes) straight from these index-only scans, without reading skipped rows.
    index('exercise_logs_episode_session_day_idx').on(t.episodeId, t.localDay).where(sql`${t.status} <> 'skipped'`),
    index('exercise_logs_episode_session_logged_idx').on(t.episodeId, t.loggedAt).where(sql`${t.status} <> 'skipped'`),
    check('exercise_logs_difficulty_range', sql`${t.difficulty} is null or ${t.difficulty} between 0 and 10`),
    check('exercise_logs_pain_range', sql`${t.painDuring} is null or ${t.painDuring} between 0 and 10`),
    check('exercise_logs_sets_range', sql`${t.setsDone} is null or ${t.setsDone} between 0 and 10`),
    check(
      'exercise_logs_skip_reason',
      sql`(${t.status} = 'done') = (${t.skipReason} is null) or ${t.status} = 'partial'`,
    ),
  ],
);

export const painEntries = pgTable(
  'pain_entries',
  {
    id: uuidPrimaryKey(),
    episodeId: episodeRef(),
    score: smallint('score').notNull(),
    worst24h: smallint('worst_24h'),
    locations: text('locations').array().notNull().default(sql`'{}'::text[]`),
    belowKnee: boolean('below_knee').notNull().default(false),
    note: text('note'),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
    localDay: date('local_day').notNull(),
    updatedAt: timestamptz('updated_at'),
    submissionId: uuid('submission_id').notNull(),
  },
  (t) => [
    uniqueIndex('pain_entries_submission_unique').on(t.submissionId),
    index('pain_entries_episode_recorded_idx').on(t.episodeId, t.recordedAt),
    check('pain_entries_score_range', sql`${t.score} between 0 and 10`),
    check('pain_entries_worst_range', sql`${t.worst24h} is null or ${t.worst24h} between 0 and 10`),
    check('pain_entries_note_length', sql`${t.note} is null or char_length(${t.note}) <= 1000`),
  ],
);

/** Answers to the red-flag questions, kept whether or not any was "yes". */
export const redFlagScreens = pgTable(
  'red_flag_screens',
  {
    id: uuidPrimaryKey(),
    episodeId: episodeRef(),
    painEntryId: uuid('pain_entry_id').references(() => painEntries.id, { onDelete: 'set null' }),
    answers: jsonb('answers').$type<Record<string, boolean>>().notNull(),
    positives: text('positives').array().notNull().default(sql`'{}'::text[]`),
    urgency: alertUrgencyEnum('urgency'),
    submissionId: uuid('submission_id').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('red_flag_screens_submission_unique').on(t.submissionId),
    index('red_flag_screens_episode_idx').on(t.episodeId, t.createdAt),
    // The saved-pain page reads the screen of one entry: without this, a scan of every screen.
    index('red_flag_screens_pain_entry_idx').on(t.painEntryId),
  ],
);

export const questionnaireResponses = pgTable(
  'questionnaire_responses',
  {
    id: uuidPrimaryKey(),
    episodeId: episodeRef(),
    instrument: instrumentEnum('instrument').notNull(),
    status: responseStatusEnum('status').notNull().default('in-progress'),
    /** Validated per instrument with zod before it is stored. */
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    /** Exact score (ODI %, STarT Back total, PSFS mean, RMDQ count); null when not scorable. */
    score: doublePrecision('score'),
    band: text('band'),
    /** STarT Back psychosocial subscale. */
    subscore: doublePrecision('subscore'),
    startedAt: timestamptz('started_at').notNull().defaultNow(),
    completedAt: timestamptz('completed_at'),
    submissionId: uuid('submission_id').notNull(),
  },
  (t) => [
    uniqueIndex('questionnaire_responses_submission_unique').on(t.submissionId),
    index('questionnaire_responses_episode_idx').on(t.episodeId, t.instrument, t.completedAt),
    // An episode's last completed questionnaire of any instrument (caseload "last activity").
    index('questionnaire_responses_episode_completed_idx')
      .on(t.episodeId, t.completedAt)
      .where(sql`${t.status} = 'completed'`),
    check(
      'questionnaire_responses_completed_consistent',
      sql`(${t.status} = 'completed') = (${t.completedAt} is not null)`,
    ),
    check('questionnaire_responses_odi_range', sql`${t.instrument} <> 'ODI' or ${t.score} is null or ${t.score} between 0 and 100`),
  ],
);

/** Range of motion and other objective measures. Rows are never changed: an edit supersedes. */
export const measurements = pgTable(
  'measurements',
  {
    id: uuidPrimaryKey(),
    episodeId: episodeRef(),
    clinicianId: userRef('clinician_id', 'restrict').notNull(),
    code: text('code').notNull(),
    value: doublePrecision('value').notNull(),
    unit: text('unit').notNull(),
    method: text('method'),
    measuredAt: timestamptz('measured_at').notNull(),
    /** The measurement this one corrects; the original stays for history. */
    supersedesId: uuid('supersedes_id'),
    supersededAt: timestamptz('superseded_at'),
    deletedAt: timestamptz('deleted_at'),
    deletedBy: userRef('deleted_by', 'restrict'),
    /** The form's submission id, shared by the rows of one set: a second submit of the set stores nothing. */
    submissionId: uuid('submission_id'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('measurements_submission_code_unique').on(t.submissionId, t.code),
    index('measurements_episode_code_idx').on(t.episodeId, t.code, t.measuredAt),
    check('measurements_unit', sql`${t.unit} in ('deg', 'cm')`),
    check('measurements_value_range', sql`${t.value} between -30 and 120`),
  ],
);

export const goals = pgTable(
  'goals',
  {
    id: uuidPrimaryKey(),
    episodeId: episodeRef(),
    description: text('description').notNull(),
    measureCode: text('measure_code'),
    targetValue: doublePrecision('target_value'),
    targetDate: date('target_date'),
    status: goalStatusEnum('status').notNull().default('active'),
    createdBy: userRef('created_by', 'restrict').notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    /** The form's submission id: a second submit of the same form stores nothing. */
    submissionId: uuid('submission_id'),
    ...timestamps(),
  },
  (t) => [
    index('goals_episode_idx').on(t.episodeId),
    uniqueIndex('goals_submission_unique').on(t.submissionId),
    check('goals_description_length', sql`char_length(${t.description}) between 1 and 500`),
  ],
);

/** SOAP notes. Never updated: a correction is a new note that amends the original. */
export const notes = pgTable(
  'notes',
  {
    id: uuidPrimaryKey(),
    episodeId: episodeRef(),
    authorId: userRef('author_id', 'restrict').notNull(),
    subjective: text('subjective').notNull().default(''),
    objective: text('objective').notNull().default(''),
    assessment: text('assessment').notNull().default(''),
    plan: text('plan').notNull().default(''),
    amendsId: uuid('amends_id'),
    /** The form's submission id: a second submit of the same note stores nothing. */
    submissionId: uuid('submission_id'),
    ...timestamps(),
  },
  (t) => [index('notes_episode_idx').on(t.episodeId, t.createdAt), uniqueIndex('notes_submission_unique').on(t.submissionId)],
);

/**
 * One conversation per episode between the patient and their care team (the episode's clinician, or
 * the colleague covering while they are away). Who may read or write is decided in lib/dal/messages.ts.
 */
export const messageThreads = pgTable(
  'message_threads',
  {
    id: uuidPrimaryKey(),
    clinicId: clinicRef(),
    episodeId: episodeRef(),
    patientId: userRef('patient_id', 'restrict').notNull(),
    /** The newest message's time: the inbox is ordered by it without reading every message. */
    lastMessageAt: timestamptz('last_message_at').notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('message_threads_episode_unique').on(t.episodeId),
    index('message_threads_clinic_last_idx').on(t.clinicId, t.lastMessageAt),
    index('message_threads_patient_idx').on(t.patientId),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuidPrimaryKey(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id, { onDelete: 'restrict' }),
    authorId: userRef('author_id', 'restrict').notNull(),
    /** The author's role when they wrote: unread counts for staff are messages from the patient. */
    authorRole: roleEnum('author_role').notNull(),
    /** 'visit-request': the patient asked to move a visit (written by the appointments pages). */
    kind: messageKindEnum('kind').notNull().default('message'),
    body: text('body').notNull(),
    /** The form's submission id: a second submit of the same message stores nothing. */
    submissionId: uuid('submission_id'),
    ...timestamps(),
  },
  (t) => [
    index('messages_thread_created_idx').on(t.threadId, t.createdAt),
    uniqueIndex('messages_submission_unique').on(t.submissionId),
    check('messages_body_length', sql`char_length(${t.body}) between 1 and ${sql.raw(String(MESSAGE_BODY_MAX))}`),
    check('messages_author_role', sql`${t.authorRole} in ('patient', 'clinician')`),
  ],
);

/** How far each participant has read a thread: everything after `last_read_at` by someone else is unread. */
export const messageReads = pgTable(
  'message_reads',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id, { onDelete: 'cascade' }),
    userId: userRef('user_id', 'cascade').notNull(),
    lastReadAt: timestamptz('last_read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] })],
);

export const alerts = pgTable(
  'alerts',
  {
    id: uuidPrimaryKey(),
    episodeId: episodeRef(),
    reason: alertReasonEnum('reason').notNull(),
    urgency: alertUrgencyEnum('urgency').notNull(),
    message: text('message').notNull(),
    /** The data that triggered the alert (scores, days, answers), for the inbox. */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    raisedAt: timestamptz('raised_at').notNull().defaultNow(),
    acknowledgedAt: timestamptz('acknowledged_at'),
    acknowledgedBy: userRef('acknowledged_by', 'restrict'),
    acknowledgeComment: text('acknowledge_comment'),
    /** Set when a non-red-flag condition clears by itself; red flags are never auto-closed. */
    resolvedAt: timestamptz('resolved_at'),
  },
  (t) => [
    // At most one open alert per episode and reason.
    uniqueIndex('alerts_open_unique')
      .on(t.episodeId, t.reason)
      .where(sql`${t.acknowledgedAt} is null and ${t.resolvedAt} is null`),
    index('alerts_episode_idx').on(t.episodeId, t.raisedAt),
    check(
      'alerts_red_flag_not_auto_resolved',
      sql`${t.reason} <> 'red-flag' or ${t.resolvedAt} is null`,
    ),
  ],
);

/**
 * One row per alert escalated to the clinic's safety lead (docs/CLINICAL.md, "Escalation and cover"). Written in
 * the same transaction as the decision, so an escalation survives a restart before anyone is told; the
 * unique alert id makes a repeated evaluation a no-op. `notifiedAt` stays null until a notifications
 * runner has delivered it (the outbox); the in-app inbox reads these rows directly.
 */
export const alertEscalations = pgTable(
  'alert_escalations',
  {
    id: uuidPrimaryKey(),
    // Part of the alert's record: purging a closed record at the end of retention removes it too.
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    clinicId: clinicRef(),
    /** The safety lead when it was escalated; null when the clinic had none (the next lead sees it). */
    escalatedTo: userRef('escalated_to', 'restrict'),
    urgency: alertUrgencyEnum('urgency').notNull(),
    windowMinutes: integer('window_minutes').notNull(),
    escalatedAt: timestamptz('escalated_at').notNull(),
    notifiedAt: timestamptz('notified_at'),
  },
  (t) => [
    uniqueIndex('alert_escalations_alert_unique').on(t.alertId),
    index('alert_escalations_clinic_idx').on(t.clinicId, t.escalatedAt),
    index('alert_escalations_pending_idx').on(t.escalatedAt).where(sql`${t.notifiedAt} is null`),
  ],
);

/**
 * Append-only audit trail. A trigger in the migrations refuses UPDATE and DELETE; each row's
 * hash covers its content and the previous row's hash so tampering is detectable.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamptz('at').notNull().defaultNow(),
    clinicId: uuid('clinic_id'),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    patientId: uuid('patient_id'),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    outcome: auditOutcomeEnum('outcome').notNull(),
    clientAddress: text('client_address'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_patient_idx').on(t.patientId, t.at),
    index('audit_events_actor_idx').on(t.actorId, t.at),
  ],
);

/** Per-instrument questionnaire settings when the clinician departs from the default schedule. */
export const questionnaireSchedules = pgTable(
  'questionnaire_schedules',
  {
    episodeId: episodeRef(),
    instrument: instrumentEnum('instrument').notNull(),
    intervalWeeks: smallint('interval_weeks'),
    enabled: boolean('enabled').notNull().default(true),
    /** A one-off request ("please fill in before Tuesday"). */
    dueAt: timestamptz('due_at'),
  },
  (t) => [primaryKey({ columns: [t.episodeId, t.instrument] })],
);

/**
 * One row per episode with the figures outcome reports need (baseline and latest of each measure,
 * counts, last activity), so a whole-clinic report reads ~12,000 rows instead of aggregating
 * millions. Maintained by statement-level triggers on pain_entries, exercise_logs and
 * questionnaire_responses (migration 0002), so no write path has to remember it; never written by
 * the application. Baseline = first value in the episode, latest = last (by time recorded).
 */
export const episodeSummaries = pgTable(
  'episode_summaries',
  {
    episodeId: uuid('episode_id')
      .primaryKey()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    clinicId: uuid('clinic_id').notNull(),
    painEntries: integer('pain_entries').notNull().default(0),
    firstPainAt: timestamptz('first_pain_at'),
    firstPain: smallint('first_pain'),
    lastPainAt: timestamptz('last_pain_at'),
    lastPain: smallint('last_pain'),
    exerciseSessions: integer('exercise_sessions').notNull().default(0),
    lastExerciseAt: timestamptz('last_exercise_at'),
    odiResponses: integer('odi_responses').notNull().default(0),
    firstOdi: doublePrecision('first_odi'),
    firstOdiAt: timestamptz('first_odi_at'),
    lastOdi: doublePrecision('last_odi'),
    lastOdiAt: timestamptz('last_odi_at'),
    firstPsfs: doublePrecision('first_psfs'),
    lastPsfs: doublePrecision('last_psfs'),
    firstRmdq: doublePrecision('first_rmdq'),
    lastRmdq: doublePrecision('last_rmdq'),
    /**
     * The episode's FIRST STarT Back band (its baseline risk): the manager's outcome figures group episodes
     * by it. A completed STarT Back always has a band, since the server scores it on completion.
     */
    startbackRisk: text('startback_risk'),
    /** The latest STarT Back band (the caseload shows the patient's current risk). */
    lastStartbackRisk: text('last_startback_risk'),
    /** When each instrument was last completed (overdue questionnaires, last activity). */
    lastOdiCompletedAt: timestamptz('last_odi_completed_at'),
    lastStartbackCompletedAt: timestamptz('last_startback_completed_at'),
    lastPsfsCompletedAt: timestamptz('last_psfs_completed_at'),
    lastRmdqCompletedAt: timestamptz('last_rmdq_completed_at'),
    /** The newest local day with an exercise session (a log not skipped). */
    lastSessionDay: date('last_session_day', { mode: 'string' }),
    /**
     * Running totals back from lastSessionDay: sessionTotals[j] (1-based, j = 1…28) is the number of
     * sessions on the j days ending with lastSessionDay. The sessions from any day D to the newest are
     * sessionTotals[lastSessionDay - D + 1], so the caseload's 7- and 14-day adherence is two array
     * subscripts instead of a read of the logs. Empty when the episode has no sessions.
     */
    sessionTotals: integer('session_totals').array().notNull().default(sql`'{}'::integer[]`),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('episode_summaries_clinic_idx').on(t.clinicId)],
);

/**
 * A patient account a manager closed. The user can no longer sign in (users.active is false and the
 * session version was bumped); the clinical record stays until retain_until, when the scheduled
 * evaluation purges it (lib/dal/retention.ts) and this row goes with the user.
 */
export const accountClosures = pgTable(
  'account_closures',
  {
    userId: userRef('user_id', 'cascade').primaryKey(),
    clinicId: clinicRef(),
    closedAt: timestamptz('closed_at').notNull(),
    closedBy: userRef('closed_by', 'set null'),
    retainUntil: timestamptz('retain_until').notNull(),
  },
  (t) => [index('account_closures_retain_until_idx').on(t.retainUntil), check('account_closures_retain_after_close', sql`${t.retainUntil} > ${t.closedAt}`)],
);

/** One CSV import of patients from a previous system: who, when, which file (by hash) and what it did. */
export const patientImports = pgTable(
  'patient_imports',
  {
    id: uuidPrimaryKey(),
    clinicId: clinicRef(),
    importedBy: userRef('imported_by', 'set null'),
    /** SHA-256 of the file as uploaded: says whether the same file came twice, without keeping it. */
    fileSha256: text('file_sha256').notNull(),
    rowCount: integer('row_count').notNull(),
    createdCount: integer('created_count').notNull(),
    skippedCount: integer('skipped_count').notNull(),
    ...timestamps(),
  },
  (t) => [index('patient_imports_clinic_idx').on(t.clinicId, t.createdAt)],
);

/**
 * Invitations waiting to be delivered. An import queues one per new patient instead of sending
 * anything; a manager hands each out from Manager -> Import (which issues the one-time link through
 * lib/dal/internal/tokens.ts) or a job runner delivers it. No link secret is stored here.
 */
export const invitationQueue = pgTable(
  'invitation_queue',
  {
    id: uuidPrimaryKey(),
    clinicId: clinicRef(),
    userId: userRef('user_id', 'cascade').notNull(),
    importId: uuid('import_id').references(() => patientImports.id, { onDelete: 'set null' }),
    queuedAt: timestamptz('queued_at').notNull().defaultNow(),
    issuedAt: timestamptz('issued_at'),
    issuedBy: userRef('issued_by', 'set null'),
  },
  (t) => [uniqueIndex('invitation_queue_user_unique').on(t.userId), index('invitation_queue_clinic_idx').on(t.clinicId, t.issuedAt)],
);

/**
 * What a person is told inside Uplift (docs/ARCHITECTURE.md, "Notifications"). The title never holds
 * health data: it says that something is waiting and where, and the content stays behind sign-in at
 * `href`. `dedupeKey` names the event (e.g. `alert:<id>:emergency`), so a retried job or a second run
 * records it once. Pruned by the retention job (docs/SECURITY.md, "Retention and erasure").
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuidPrimaryKey(),
    userId: userRef('user_id', 'cascade').notNull(),
    clinicId: clinicRef(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    href: text('href').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    readAt: timestamptz('read_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_unique').on(t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    // The unread count in every page's navigation.
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    index('notifications_created_idx').on(t.createdAt),
    check('notifications_kind_format', sql`${t.kind} ~ '^[a-z][a-z0-9-]{0,39}$'`),
    check('notifications_title_length', sql`char_length(${t.title}) between 1 and 200`),
    // A path inside Uplift: never another site.
    check('notifications_href_local', sql`${t.href} ~ '^/[^/\\\\]' and char_length(${t.href}) <= 500`),
    check('notifications_dedupe_length', sql`char_length(${t.dedupeKey}) between 1 and 200`),
  ],
);

/**
 * One row per notification and channel beyond the app (email, push): the outbox the delivery job sends
 * from. `attempts`, `nextAttemptAt` and `lastErrorCode` (a code such as `smtp-550`, never content) record
 * its retries; `headers` holds extra email headers a caller supplies (List-Unsubscribe).
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuidPrimaryKey(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    channel: notificationChannelEnum('channel').notNull(),
    status: deliveryStatusEnum('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    lastAttemptAt: timestamptz('last_attempt_at'),
    lastErrorCode: text('last_error_code'),
    sentAt: timestamptz('sent_at'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('notification_deliveries_unique').on(t.notificationId, t.channel),
    index('notification_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
    check('notification_deliveries_error_code_length', sql`${t.lastErrorCode} is null or char_length(${t.lastErrorCode}) <= 60`),
  ],
);

/** Each attempt at a delivery and its outcome: what the manager's failure counts are made of. */
export const notificationAttempts = pgTable(
  'notification_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => notificationDeliveries.id, { onDelete: 'cascade' }),
    attemptedAt: timestamptz('attempted_at').notNull(),
    outcome: deliveryOutcomeEnum('outcome').notNull(),
    errorCode: text('error_code'),
  },
  (t) => [index('notification_attempts_delivery_idx').on(t.deliveryId, t.attemptedAt), index('notification_attempts_at_idx').on(t.attemptedAt)],
);

/**
 * An email address or push endpoint that failed permanently (the server refused it): after
 * NOTIFICATION_RETIRE_AFTER such failures in a row it is retired and nothing more is sent to it until
 * the person changes it. A success clears the count.
 */
export const deliveryAddresses = pgTable(
  'delivery_addresses',
  {
    channel: notificationChannelEnum('channel').notNull(),
    address: text('address').notNull(),
    permanentFailures: integer('permanent_failures').notNull().default(0),
    lastFailureAt: timestamptz('last_failure_at'),
    retiredAt: timestamptz('retired_at'),
  },
  (t) => [primaryKey({ columns: [t.channel, t.address] })],
);

/**
 * A visit with a clinician (docs/APPOINTMENTS.md). Times are instants in UTC; the clinic's zone decides the
 * wall-clock time it was booked at. A clinician is never in two booked visits at once, nor is a patient: two
 * exclusion constraints over tstzrange(starts_at, ends_at) (migration SQL, btree_gist) refuse the second
 * insert even when two requests race, on PostgreSQL and on PGlite alike.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: uuidPrimaryKey(),
    clinicId: clinicRef(),
    episodeId: episodeRef(),
    patientId: userRef('patient_id', 'restrict').notNull(),
    clinicianId: userRef('clinician_id', 'restrict').notNull(),
    kind: appointmentKindEnum('kind').notNull(),
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at').notNull(),
    /** Where an in-person visit happens (a room, an address). */
    location: text('location'),
    /** The link a video visit is joined by. */
    videoUrl: text('video_url'),
    status: appointmentStatusEnum('status').notNull().default('booked'),
    /** What happened, recorded by the clinician once the visit has started. */
    attendance: attendanceEnum('attendance'),
    attendanceRecordedAt: timestamptz('attendance_recorded_at'),
    attendanceRecordedBy: userRef('attendance_recorded_by', 'restrict'),
    bookedBy: userRef('booked_by', 'restrict').notNull(),
    cancelledAt: timestamptz('cancelled_at'),
    cancelledBy: userRef('cancelled_by', 'restrict'),
    /** When each reminder was queued: set once, so a reminder is never sent twice. */
    reminded24hAt: timestamptz('reminded_24h_at'),
    reminded2hAt: timestamptz('reminded_2h_at'),
    /** The form's submission id: a second submit of the same booking stores nothing. */
    submissionId: uuid('submission_id'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('appointments_submission_unique').on(t.submissionId),
    index('appointments_clinician_starts_idx').on(t.clinicianId, t.startsAt),
    index('appointments_patient_starts_idx').on(t.patientId, t.startsAt),
    index('appointments_clinic_starts_idx').on(t.clinicId, t.startsAt),
    check('appointments_ends_after_starts', sql`${t.endsAt} > ${t.startsAt}`),
    check('appointments_length', sql`${t.endsAt} - ${t.startsAt} <= interval '8 hours'`),
    check('appointments_video_has_link', sql`${t.kind} <> 'video' or ${t.videoUrl} is not null`),
    check('appointments_location_length', sql`${t.location} is null or char_length(${t.location}) <= 300`),
    check('appointments_video_url_length', sql`${t.videoUrl} is null or char_length(${t.videoUrl}) <= 500`),
    check('appointments_cancel_consistent', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
    check('appointments_attendance_consistent', sql`(${t.attendance} is null) = (${t.attendanceRecordedAt} is null)`),
  ],
);

/**
 * A clinician's weekly pattern: on ISO weekday (1 Monday … 7 Sunday) from start to end, wall-clock times in
 * the clinic's zone, so a pattern keeps its hours across daylight-saving changes.
 */
export const clinicianAvailability = pgTable(
  'clinician_availability',
  {
    id: uuidPrimaryKey(),
    clinicId: clinicRef(),
    clinicianId: userRef('clinician_id', 'cascade').notNull(),
    weekday: smallint('weekday').notNull(),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('clinician_availability_clinician_idx').on(t.clinicianId, t.weekday),
    check('clinician_availability_weekday_range', sql`${t.weekday} between 1 and 7`),
    check('clinician_availability_order', sql`${t.endTime} > ${t.startTime}`),
  ],
);

/**
 * One day's change to the weekly pattern: `unavailable` (leave, training; the whole day when no times are
 * given) or `extra` hours. Wall-clock times in the clinic's zone.
 */
export const availabilityExceptions = pgTable(
  'availability_exceptions',
  {
    id: uuidPrimaryKey(),
    clinicId: clinicRef(),
    clinicianId: userRef('clinician_id', 'cascade').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    kind: availabilityExceptionKindEnum('kind').notNull(),
    startTime: time('start_time'),
    endTime: time('end_time'),
    ...timestamps(),
  },
  (t) => [
    index('availability_exceptions_clinician_day_idx').on(t.clinicianId, t.day),
    check('availability_exceptions_times', sql`(${t.startTime} is null) = (${t.endTime} is null)`),
    check('availability_exceptions_order', sql`${t.startTime} is null or ${t.endTime} > ${t.startTime}`),
    check('availability_exceptions_extra_has_times', sql`${t.kind} <> 'extra' or ${t.startTime} is not null`),
  ],
);

/**
 * A patient's private calendar-feed address. Only the SHA-256 of the secret in the address is stored; a
 * revoked token answers 404 like an unknown one. At most one live token per person.
 */
export const calendarFeedTokens = pgTable(
  'calendar_feed_tokens',
  {
    id: uuidPrimaryKey(),
    userId: userRef('user_id', 'cascade').notNull(),
    tokenHash: text('token_hash').notNull(),
    revokedAt: timestamptz('revoked_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('calendar_feed_tokens_hash_unique').on(t.tokenHash),
    uniqueIndex('calendar_feed_tokens_live_unique').on(t.userId).where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * A browser's Web Push subscription (the push service's endpoint and the keys the payload is encrypted
 * to). One row per endpoint: a device that subscribes again, even for another account, moves the row.
 * Retired (never deleted, so delivery counts stay explainable) when the push service answers 404 or 410,
 * or after repeated failures (lib/push/send.ts).
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuidPrimaryKey(),
    userId: userRef('user_id', 'cascade').notNull(),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    failures: integer('failures').notNull().default(0),
    lastSuccessAt: timestamptz('last_success_at'),
    retiredAt: timestamptz('retired_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_unique').on(t.endpoint),
    index('push_subscriptions_user_idx').on(t.userId).where(sql`${t.retiredAt} is null`),
    check('push_subscriptions_endpoint_length', sql`char_length(${t.endpoint}) between 1 and 2000`),
    check('push_subscriptions_failures_range', sql`${t.failures} >= 0`),
  ],
);

/**
 * Keys the server generates once and keeps for every process and machine on this database: the VAPID
 * key pair that signs Web Push requests (lib/push/vapid.ts). The private key is sealed with a key
 * derived from AUTH_SECRET, so a copy of the database alone cannot send pushes as the portal.
 */
export const serverKeys = pgTable('server_keys', {
  name: text('name').primaryKey(),
  publicKey: text('public_key').notNull(),
  sealedPrivateKey: text('sealed_private_key').notNull(),
  ...timestamps(),
});

/**
 * A patient's reminder choices (docs/CLINICAL.md, "Reminders"). No row: the defaults in
 * lib/reminders/preferences.ts. Times are minutes after midnight in the patient's own zone.
 */
export const reminderPreferences = pgTable(
  'reminder_preferences',
  {
    userId: userRef('user_id', 'cascade').primaryKey(),
    exerciseMinutes: smallint('exercise_minutes').array().notNull().default(sql`'{}'::smallint[]`),
    quietStartMinute: smallint('quiet_start_minute'),
    quietEndMinute: smallint('quiet_end_minute'),
    exerciseInApp: boolean('exercise_in_app').notNull(),
    exerciseEmail: boolean('exercise_email').notNull(),
    exercisePush: boolean('exercise_push').notNull(),
    questionnaireInApp: boolean('questionnaire_in_app').notNull(),
    questionnaireEmail: boolean('questionnaire_email').notNull(),
    questionnairePush: boolean('questionnaire_push').notNull(),
    nudgeInApp: boolean('nudge_in_app').notNull(),
    nudgeEmail: boolean('nudge_email').notNull(),
    nudgePush: boolean('nudge_push').notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('reminder_preferences_times_count', sql`cardinality(${t.exerciseMinutes}) <= 6`),
    check('reminder_preferences_times_range', sql`0 <= all(${t.exerciseMinutes}) and 1439 >= all(${t.exerciseMinutes})`),
    check(
      'reminder_preferences_quiet_hours',
      sql`(${t.quietStartMinute} is null) = (${t.quietEndMinute} is null) and (${t.quietStartMinute} is null or (${t.quietStartMinute} between 0 and 1439 and ${t.quietEndMinute} between 0 and 1439 and ${t.quietStartMinute} <> ${t.quietEndMinute}))`,
    ),
  ],
);
