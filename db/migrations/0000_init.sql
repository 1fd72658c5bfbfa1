CREATE TYPE "public"."alert_reason" AS ENUM('red-flag', 'worsening', 'severe-pain', 'inactive', 'low-adherence', 'questionnaire-worsening', 'questionnaire-overdue');--> statement-breakpoint
CREATE TYPE "public"."alert_urgency" AS ENUM('emergency', 'same-day', '24h', 'routine');--> statement-breakpoint
CREATE TYPE "public"."audit_outcome" AS ENUM('success', 'denied', 'failure');--> statement-breakpoint
CREATE TYPE "public"."episode_status" AS ENUM('active', 'discharged');--> statement-breakpoint
CREATE TYPE "public"."exercise_log_status" AS ENUM('done', 'partial', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."goal_status" AS ENUM('active', 'achieved', 'not-achieved', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."instrument" AS ENUM('ODI', 'STARTBACK', 'PSFS', 'RMDQ');--> statement-breakpoint
CREATE TYPE "public"."response_status" AS ENUM('in-progress', 'completed');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('patient', 'clinician', 'manager');--> statement-breakpoint
CREATE TYPE "public"."skip_reason" AS ENUM('pain', 'no-time', 'unclear', 'no-equipment', 'other');--> statement-breakpoint
CREATE TYPE "public"."startback_risk" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."token_kind" AS ENUM('invite', 'reset');--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"reason" "alert_reason" NOT NULL,
	"urgency" "alert_urgency" NOT NULL,
	"message" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledge_comment" text,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "alerts_red_flag_not_auto_resolved" CHECK ("alerts"."reason" <> 'red-flag' or "alerts"."resolved_at" is null)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"clinic_id" uuid,
	"actor_id" uuid,
	"actor_role" text,
	"action" text NOT NULL,
	"patient_id" uuid,
	"resource_type" text,
	"resource_id" text,
	"outcome" "audit_outcome" NOT NULL,
	"client_address" text,
	"detail" jsonb,
	"prev_hash" text,
	"hash" text
);
--> statement-breakpoint
CREATE TABLE "auth_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clinics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"time_zone" text DEFAULT 'Europe/London' NOT NULL,
	"mfa_required_for_managers" boolean DEFAULT true NOT NULL,
	"mfa_required_for_clinicians" boolean DEFAULT false NOT NULL,
	"managers_see_patient_identity" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"clinician_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"condition" text DEFAULT 'Non-specific low back pain' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"intake_nprs" smallint NOT NULL,
	"status" "episode_status" DEFAULT 'active' NOT NULL,
	"discharged_at" timestamp with time zone,
	"discharge_summary" text,
	"questionnaire_interval_weeks" smallint DEFAULT 4 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "episodes_intake_nprs_range" CHECK ("episodes"."intake_nprs" between 0 and 10),
	CONSTRAINT "episodes_interval_range" CHECK ("episodes"."questionnaire_interval_weeks" between 1 and 26),
	CONSTRAINT "episodes_discharge_consistent" CHECK (("episodes"."status" = 'discharged') = ("episodes"."discharged_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "exercise_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"status" "exercise_log_status" NOT NULL,
	"sets_done" smallint,
	"difficulty" smallint,
	"pain_during" smallint,
	"skip_reason" "skip_reason",
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"local_day" date NOT NULL,
	"submission_id" uuid NOT NULL,
	CONSTRAINT "exercise_logs_difficulty_range" CHECK ("exercise_logs"."difficulty" is null or "exercise_logs"."difficulty" between 0 and 10),
	CONSTRAINT "exercise_logs_pain_range" CHECK ("exercise_logs"."pain_during" is null or "exercise_logs"."pain_during" between 0 and 10),
	CONSTRAINT "exercise_logs_sets_range" CHECK ("exercise_logs"."sets_done" is null or "exercise_logs"."sets_done" between 0 and 10),
	CONSTRAINT "exercise_logs_skip_reason" CHECK (("exercise_logs"."status" = 'done') = ("exercise_logs"."skip_reason" is null) or "exercise_logs"."status" = 'partial')
);
--> statement-breakpoint
CREATE TABLE "exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"instructions" jsonb NOT NULL,
	"safety_note" text NOT NULL,
	"acceptable_pain" text NOT NULL,
	"default_dosage" jsonb NOT NULL,
	"illustration" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercises_name_length" CHECK (char_length("exercises"."name") between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"description" text NOT NULL,
	"measure_code" text,
	"target_value" double precision,
	"target_date" date,
	"status" "goal_status" DEFAULT 'active' NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_description_length" CHECK (char_length("goals"."description") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"clinician_id" uuid NOT NULL,
	"code" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"method" text,
	"measured_at" timestamp with time zone NOT NULL,
	"supersedes_id" uuid,
	"superseded_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measurements_unit" CHECK ("measurements"."unit" in ('deg', 'cm')),
	CONSTRAINT "measurements_value_range" CHECK ("measurements"."value" between -30 and 120)
);
--> statement-breakpoint
CREATE TABLE "mfa_recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"subjective" text DEFAULT '' NOT NULL,
	"objective" text DEFAULT '' NOT NULL,
	"assessment" text DEFAULT '' NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"amends_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pain_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"worst_24h" smallint,
	"locations" text[] DEFAULT '{}'::text[] NOT NULL,
	"below_knee" boolean DEFAULT false NOT NULL,
	"note" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"local_day" date NOT NULL,
	"updated_at" timestamp with time zone,
	"submission_id" uuid NOT NULL,
	CONSTRAINT "pain_entries_score_range" CHECK ("pain_entries"."score" between 0 and 10),
	CONSTRAINT "pain_entries_worst_range" CHECK ("pain_entries"."worst_24h" is null or "pain_entries"."worst_24h" between 0 and 10),
	CONSTRAINT "pain_entries_note_length" CHECK ("pain_entries"."note" is null or char_length("pain_entries"."note") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"sets" smallint,
	"reps" smallint,
	"hold_seconds" smallint,
	"duration_minutes" smallint,
	"times_per_day" smallint DEFAULT 1 NOT NULL,
	"days_per_week" smallint DEFAULT 7 NOT NULL,
	"per_side" boolean DEFAULT false NOT NULL,
	"instructions_note" text,
	CONSTRAINT "plan_items_sets_range" CHECK ("plan_items"."sets" is null or "plan_items"."sets" between 1 and 10),
	CONSTRAINT "plan_items_reps_range" CHECK ("plan_items"."reps" is null or "plan_items"."reps" between 1 and 100),
	CONSTRAINT "plan_items_hold_range" CHECK ("plan_items"."hold_seconds" is null or "plan_items"."hold_seconds" between 1 and 600),
	CONSTRAINT "plan_items_duration_range" CHECK ("plan_items"."duration_minutes" is null or "plan_items"."duration_minutes" between 1 and 180),
	CONSTRAINT "plan_items_times_range" CHECK ("plan_items"."times_per_day" between 1 and 10),
	CONSTRAINT "plan_items_days_range" CHECK ("plan_items"."days_per_week" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_version_positive" CHECK ("plans"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "questionnaire_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"instrument" "instrument" NOT NULL,
	"status" "response_status" DEFAULT 'in-progress' NOT NULL,
	"answers" jsonb NOT NULL,
	"score" double precision,
	"band" text,
	"subscore" double precision,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"submission_id" uuid NOT NULL,
	CONSTRAINT "questionnaire_responses_completed_consistent" CHECK (("questionnaire_responses"."status" = 'completed') = ("questionnaire_responses"."completed_at" is not null)),
	CONSTRAINT "questionnaire_responses_odi_range" CHECK ("questionnaire_responses"."instrument" <> 'ODI' or "questionnaire_responses"."score" is null or "questionnaire_responses"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "questionnaire_schedules" (
	"episode_id" uuid NOT NULL,
	"instrument" "instrument" NOT NULL,
	"interval_weeks" smallint,
	"enabled" boolean DEFAULT true NOT NULL,
	"due_at" timestamp with time zone,
	CONSTRAINT "questionnaire_schedules_episode_id_instrument_pk" PRIMARY KEY("episode_id","instrument")
);
--> statement-breakpoint
CREATE TABLE "red_flag_screens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"pain_entry_id" uuid,
	"answers" jsonb NOT NULL,
	"positives" text[] DEFAULT '{}'::text[] NOT NULL,
	"urgency" "alert_urgency",
	"submission_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "token_kind" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"date_of_birth" date,
	"time_zone" text,
	"mfa_secret" text,
	"mfa_enabled_at" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_name_length" CHECK (char_length("users"."name") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_clinician_id_users_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_logs" ADD CONSTRAINT "exercise_logs_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_logs" ADD CONSTRAINT "exercise_logs_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_clinician_id_users_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_recovery_codes" ADD CONSTRAINT "mfa_recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pain_entries" ADD CONSTRAINT "pain_entries_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_schedules" ADD CONSTRAINT "questionnaire_schedules_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_screens" ADD CONSTRAINT "red_flag_screens_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_screens" ADD CONSTRAINT "red_flag_screens_pain_entry_id_pain_entries_id_fk" FOREIGN KEY ("pain_entry_id") REFERENCES "public"."pain_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_open_unique" ON "alerts" USING btree ("episode_id","reason") WHERE "alerts"."acknowledged_at" is null and "alerts"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "alerts_episode_idx" ON "alerts" USING btree ("episode_id","raised_at");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_patient_idx" ON "audit_events" USING btree ("patient_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "episodes_pseudonym_unique" ON "episodes" USING btree ("pseudonym");--> statement-breakpoint
CREATE INDEX "episodes_clinician_status_idx" ON "episodes" USING btree ("clinician_id","status");--> statement-breakpoint
CREATE INDEX "episodes_patient_idx" ON "episodes" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "episodes_clinic_started_idx" ON "episodes" USING btree ("clinic_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exercise_logs_submission_unique" ON "exercise_logs" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "exercise_logs_episode_day_idx" ON "exercise_logs" USING btree ("episode_id","local_day");--> statement-breakpoint
CREATE INDEX "exercise_logs_episode_logged_idx" ON "exercise_logs" USING btree ("episode_id","logged_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_clinic_slug_unique" ON "exercises" USING btree ("clinic_id","slug");--> statement-breakpoint
CREATE INDEX "goals_episode_idx" ON "goals" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "measurements_episode_code_idx" ON "measurements" USING btree ("episode_id","code","measured_at");--> statement-breakpoint
CREATE INDEX "mfa_recovery_codes_user_idx" ON "mfa_recovery_codes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "notes_episode_idx" ON "notes" USING btree ("episode_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pain_entries_submission_unique" ON "pain_entries" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "pain_entries_episode_recorded_idx" ON "pain_entries" USING btree ("episode_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_items_plan_position_unique" ON "plan_items" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_episode_version_unique" ON "plans" USING btree ("episode_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_responses_submission_unique" ON "questionnaire_responses" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_episode_idx" ON "questionnaire_responses" USING btree ("episode_id","instrument","completed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "red_flag_screens_submission_unique" ON "red_flag_screens" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "red_flag_screens_episode_idx" ON "red_flag_screens" USING btree ("episode_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tokens_hash_unique" ON "tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "tokens_user_idx" ON "tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_clinic_role_idx" ON "users" USING btree ("clinic_id","role");