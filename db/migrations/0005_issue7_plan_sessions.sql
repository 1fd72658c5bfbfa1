DROP INDEX "plan_items_plan_dose_idx";--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "sessions_per_week" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- Each plan version's weekly sessions, kept from its items: reports (outcome adherence, the caseload)
-- read one number per version instead of summing every version's items. Statement-level like
-- episode_summaries: one refresh per touched plan, whatever wrote the items.
CREATE FUNCTION plans_sessions_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE plans p SET sessions_per_week = coalesce((
    SELECT sum(i.times_per_day * i.days_per_week) FROM plan_items i WHERE i.plan_id = p.id
  ), 0)
  WHERE p.id IN (SELECT DISTINCT plan_id FROM changed_rows);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_items_sessions_insert AFTER INSERT ON plan_items REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plans_sessions_on_change();
--> statement-breakpoint
CREATE TRIGGER plan_items_sessions_update AFTER UPDATE ON plan_items REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plans_sessions_on_change();
--> statement-breakpoint
CREATE TRIGGER plan_items_sessions_delete AFTER DELETE ON plan_items REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION plans_sessions_on_change();
--> statement-breakpoint
UPDATE plans p SET sessions_per_week = s.n FROM (
  SELECT plan_id, sum(times_per_day * days_per_week)::int AS n FROM plan_items GROUP BY plan_id
) s WHERE s.plan_id = p.id;
