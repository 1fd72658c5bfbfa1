CREATE TABLE "alert_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"escalated_to" uuid,
	"urgency" "alert_urgency" NOT NULL,
	"window_minutes" integer NOT NULL,
	"escalated_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "safety_lead_id" uuid;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "escalate_emergency_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "escalate_same_day_minutes" integer DEFAULT 240 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "escalate_review_minutes" integer DEFAULT 1440 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "cover_clinician_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "away_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alert_escalations" ADD CONSTRAINT "alert_escalations_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_escalations" ADD CONSTRAINT "alert_escalations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_escalations" ADD CONSTRAINT "alert_escalations_escalated_to_users_id_fk" FOREIGN KEY ("escalated_to") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_escalations_alert_unique" ON "alert_escalations" USING btree ("alert_id");--> statement-breakpoint
CREATE INDEX "alert_escalations_clinic_idx" ON "alert_escalations" USING btree ("clinic_id","escalated_at");--> statement-breakpoint
CREATE INDEX "alert_escalations_pending_idx" ON "alert_escalations" USING btree ("escalated_at") WHERE "alert_escalations"."notified_at" is null;--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_safety_lead_id_users_id_fk" FOREIGN KEY ("safety_lead_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_cover_clinician_id_users_id_fk" FOREIGN KEY ("cover_clinician_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_cover_idx" ON "users" USING btree ("cover_clinician_id") WHERE "users"."cover_clinician_id" is not null;--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_escalate_emergency_range" CHECK ("clinics"."escalate_emergency_minutes" between 15 and 4320);--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_escalate_same_day_range" CHECK ("clinics"."escalate_same_day_minutes" between 15 and 4320);--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_escalate_review_range" CHECK ("clinics"."escalate_review_minutes" between 15 and 4320);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_cover_not_self" CHECK ("users"."cover_clinician_id" is null or "users"."cover_clinician_id" <> "users"."id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_away_consistent" CHECK (("users"."cover_clinician_id" is null) = ("users"."away_since" is null));