CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_success_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "push_subscriptions_endpoint_length" CHECK (char_length("push_subscriptions"."endpoint") between 1 and 2000),
	CONSTRAINT "push_subscriptions_failures_range" CHECK ("push_subscriptions"."failures" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reminder_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"exercise_minutes" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"quiet_start_minute" smallint,
	"quiet_end_minute" smallint,
	"exercise_in_app" boolean NOT NULL,
	"exercise_email" boolean NOT NULL,
	"exercise_push" boolean NOT NULL,
	"questionnaire_in_app" boolean NOT NULL,
	"questionnaire_email" boolean NOT NULL,
	"questionnaire_push" boolean NOT NULL,
	"nudge_in_app" boolean NOT NULL,
	"nudge_email" boolean NOT NULL,
	"nudge_push" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_preferences_times_count" CHECK (cardinality("reminder_preferences"."exercise_minutes") <= 6),
	CONSTRAINT "reminder_preferences_times_range" CHECK (0 <= all("reminder_preferences"."exercise_minutes") and 1439 >= all("reminder_preferences"."exercise_minutes")),
	CONSTRAINT "reminder_preferences_quiet_hours" CHECK (("reminder_preferences"."quiet_start_minute" is null) = ("reminder_preferences"."quiet_end_minute" is null) and ("reminder_preferences"."quiet_start_minute" is null or ("reminder_preferences"."quiet_start_minute" between 0 and 1439 and "reminder_preferences"."quiet_end_minute" between 0 and 1439 and "reminder_preferences"."quiet_start_minute" <> "reminder_preferences"."quiet_end_minute")))
);
--> statement-breakpoint
CREATE TABLE "server_keys" (
	"name" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"sealed_private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "reminder_nudge_days" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_preferences" ADD CONSTRAINT "reminder_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscriptions_endpoint_unique" ON "push_subscriptions" USING btree ("endpoint");--> statement-breakpoint
CREATE INDEX "push_subscriptions_user_idx" ON "push_subscriptions" USING btree ("user_id") WHERE "push_subscriptions"."retired_at" is null;--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_reminder_nudge_days_range" CHECK ("clinics"."reminder_nudge_days" between 1 and 30);