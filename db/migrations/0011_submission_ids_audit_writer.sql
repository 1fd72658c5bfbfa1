ALTER TABLE "exercises" ADD COLUMN "submission_id" uuid;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "submission_id" uuid;--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "submission_id" uuid;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "submission_id" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "submission_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_submission_unique" ON "exercises" USING btree ("submission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "goals_submission_unique" ON "goals" USING btree ("submission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measurements_submission_code_unique" ON "measurements" USING btree ("submission_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "notes_submission_unique" ON "notes" USING btree ("submission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_submission_unique" ON "plans" USING btree ("submission_id");--> statement-breakpoint
-- The audit trail's two writers run as their owner, so in a two-role setup (db/roles.ts) the application
-- role appends through them while it has only SELECT on audit_events itself. A fixed search_path keeps a
-- caller from substituting its own objects. With one role nothing changes.
ALTER FUNCTION audit_append(timestamptz, uuid, uuid, text, text, uuid, text, text, audit_outcome, text, jsonb, text) SECURITY DEFINER SET search_path = public, pg_temp;
--> statement-breakpoint
ALTER FUNCTION audit_pending_flush() SECURITY DEFINER SET search_path = public, pg_temp;
