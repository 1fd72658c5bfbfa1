CREATE TYPE "public"."appointment_kind" AS ENUM('in-person', 'video', 'phone');--> statement-breakpoint
CREATE TYPE "public"."appointment_status" AS ENUM('booked', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."attendance" AS ENUM('attended', 'late-cancel', 'did-not-attend');--> statement-breakpoint
CREATE TYPE "public"."availability_exception_kind" AS ENUM('unavailable', 'extra');--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"clinician_id" uuid NOT NULL,
	"kind" "appointment_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text,
	"video_url" text,
	"status" "appointment_status" DEFAULT 'booked' NOT NULL,
	"attendance" "attendance",
	"attendance_recorded_at" timestamp with time zone,
	"attendance_recorded_by" uuid,
	"booked_by" uuid NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"reminded_24h_at" timestamp with time zone,
	"reminded_2h_at" timestamp with time zone,
	"submission_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_ends_after_starts" CHECK ("appointments"."ends_at" > "appointments"."starts_at"),
	CONSTRAINT "appointments_length" CHECK ("appointments"."ends_at" - "appointments"."starts_at" <= interval '8 hours'),
	CONSTRAINT "appointments_video_has_link" CHECK ("appointments"."kind" <> 'video' or "appointments"."video_url" is not null),
	CONSTRAINT "appointments_location_length" CHECK ("appointments"."location" is null or char_length("appointments"."location") <= 300),
	CONSTRAINT "appointments_video_url_length" CHECK ("appointments"."video_url" is null or char_length("appointments"."video_url") <= 500),
	CONSTRAINT "appointments_cancel_consistent" CHECK (("appointments"."status" = 'cancelled') = ("appointments"."cancelled_at" is not null)),
	CONSTRAINT "appointments_attendance_consistent" CHECK (("appointments"."attendance" is null) = ("appointments"."attendance_recorded_at" is null))
);
--> statement-breakpoint
CREATE TABLE "availability_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"clinician_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" "availability_exception_kind" NOT NULL,
	"start_time" time,
	"end_time" time,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_exceptions_times" CHECK (("availability_exceptions"."start_time" is null) = ("availability_exceptions"."end_time" is null)),
	CONSTRAINT "availability_exceptions_order" CHECK ("availability_exceptions"."start_time" is null or "availability_exceptions"."end_time" > "availability_exceptions"."start_time"),
	CONSTRAINT "availability_exceptions_extra_has_times" CHECK ("availability_exceptions"."kind" <> 'extra' or "availability_exceptions"."start_time" is not null)
);
--> statement-breakpoint
CREATE TABLE "calendar_feed_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clinician_availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"clinician_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinician_availability_weekday_range" CHECK ("clinician_availability"."weekday" between 1 and 7),
	CONSTRAINT "clinician_availability_order" CHECK ("clinician_availability"."end_time" > "clinician_availability"."start_time")
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "booking_horizon_days" smallint DEFAULT 28 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "slot_minutes" smallint DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "cancellation_window_hours" smallint DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_clinician_id_users_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_attendance_recorded_by_users_id_fk" FOREIGN KEY ("attendance_recorded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_exceptions" ADD CONSTRAINT "availability_exceptions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_exceptions" ADD CONSTRAINT "availability_exceptions_clinician_id_users_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinician_availability" ADD CONSTRAINT "clinician_availability_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinician_availability" ADD CONSTRAINT "clinician_availability_clinician_id_users_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_submission_unique" ON "appointments" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "appointments_clinician_starts_idx" ON "appointments" USING btree ("clinician_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_patient_starts_idx" ON "appointments" USING btree ("patient_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_clinic_starts_idx" ON "appointments" USING btree ("clinic_id","starts_at");--> statement-breakpoint
CREATE INDEX "availability_exceptions_clinician_day_idx" ON "availability_exceptions" USING btree ("clinician_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_tokens_hash_unique" ON "calendar_feed_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_tokens_live_unique" ON "calendar_feed_tokens" USING btree ("user_id") WHERE "calendar_feed_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "clinician_availability_clinician_idx" ON "clinician_availability" USING btree ("clinician_id","weekday");--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_booking_horizon_range" CHECK ("clinics"."booking_horizon_days" between 1 and 365);--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_slot_minutes_range" CHECK ("clinics"."slot_minutes" between 10 and 120);--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_cancellation_window_range" CHECK ("clinics"."cancellation_window_hours" between 0 and 168);--> statement-breakpoint
-- A slot can never be taken twice (docs/APPOINTMENTS.md): among booked visits, no two of one clinician's, nor
-- of one patient's, overlap in time. Half-open ranges, so back-to-back visits are allowed. btree_gist supplies
-- the uuid equality operator for GiST; PGlite loads the extension where it is opened (db/connection.ts).
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_clinician_no_overlap" EXCLUDE USING gist ("clinician_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" = 'booked');--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_no_overlap" EXCLUDE USING gist ("patient_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" = 'booked');
