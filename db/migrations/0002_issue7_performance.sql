CREATE TABLE "episode_summaries" (
	"episode_id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"pain_entries" integer DEFAULT 0 NOT NULL,
	"first_pain_at" timestamp with time zone,
	"first_pain" smallint,
	"last_pain_at" timestamp with time zone,
	"last_pain" smallint,
	"exercise_sessions" integer DEFAULT 0 NOT NULL,
	"last_exercise_at" timestamp with time zone,
	"odi_responses" integer DEFAULT 0 NOT NULL,
	"first_odi" double precision,
	"first_odi_at" timestamp with time zone,
	"last_odi" double precision,
	"last_odi_at" timestamp with time zone,
	"first_psfs" double precision,
	"last_psfs" double precision,
	"first_rmdq" double precision,
	"last_rmdq" double precision,
	"startback_risk" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "episode_summaries" ADD CONSTRAINT "episode_summaries_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "episode_summaries_clinic_idx" ON "episode_summaries" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "episodes_clinic_status_idx" ON "episodes" USING btree ("clinic_id","status","patient_id");--> statement-breakpoint
-- Recomputes the summaries of the given episodes from the base tables. Each figure is an index
-- probe (first/last by time) or an index-only count over one episode, so refreshing one episode
-- after a pain entry costs well under a millisecond, and a bulk insert refreshes each touched
-- episode once per statement.
CREATE OR REPLACE FUNCTION episode_summaries_refresh(ids uuid[]) RETURNS void AS $$
  INSERT INTO episode_summaries AS s (
    episode_id, clinic_id, pain_entries, first_pain_at, first_pain, last_pain_at, last_pain,
    exercise_sessions, last_exercise_at, odi_responses, first_odi, first_odi_at, last_odi, last_odi_at,
    first_psfs, last_psfs, first_rmdq, last_rmdq, startback_risk, updated_at)
  SELECT e.id, e.clinic_id, pc.n, fp.recorded_at, fp.score, lp.recorded_at, lp.score,
    xl.n, xl.last_at, oc.n, fo.score, fo.completed_at, lo.score, lo.completed_at,
    fps.score, lps.score, frm.score, lrm.score, sb.band, now()
  FROM episodes e
  CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM pain_entries p WHERE p.episode_id = e.id) pc
  LEFT JOIN LATERAL (SELECT recorded_at, score FROM pain_entries p WHERE p.episode_id = e.id ORDER BY recorded_at, id LIMIT 1) fp ON true
  LEFT JOIN LATERAL (SELECT recorded_at, score FROM pain_entries p WHERE p.episode_id = e.id ORDER BY recorded_at DESC, id DESC LIMIT 1) lp ON true
  CROSS JOIN LATERAL (SELECT (count(*) FILTER (WHERE x.status <> 'skipped'))::int AS n, max(x.logged_at) AS last_at FROM exercise_logs x WHERE x.episode_id = e.id) xl
  CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM questionnaire_responses q WHERE q.episode_id = e.id AND q.instrument = 'ODI' AND q.status = 'completed' AND q.score IS NOT NULL) oc
  LEFT JOIN LATERAL (SELECT score, completed_at FROM questionnaire_responses q WHERE q.episode_id = e.id AND q.instrument = 'ODI' AND q.status = 'completed' AND q.score IS NOT NULL ORDER BY completed_at, id LIMIT 1) fo ON true
  LEFT JOIN LATERAL (SELECT score, completed_at FROM questionnaire_responses q WHERE q.episode_id = e.id AND q.instrument = 'ODI' AND q.status = 'completed' AND q.score IS NOT NULL ORDER BY completed_at DESC, id DESC LIMIT 1) lo ON true
  LEFT JOIN LATERAL (SELECT score FROM questionnaire_responses q WHERE q.episode_id = e.id AND q.instrument = 'PSFS' AND q.status = 'completed' AND q.score IS NOT NULL ORDER BY completed_at, id LIMIT 1) fps ON true
  LEFT JOIN LATERAL (SELECT score FROM questionnaire_responses q WHERE q.episode_id = e.id AND q.instrument = 'PSFS' AND q.status = 'completed' AND q.score IS NOT NULL ORDER BY completed_at DESC, id DESC LIMIT 1) lps ON true
  LEFT JOIN LATERAL (SELECT score FROM questionnaire_responses q WHERE q.episode_id = e.id AND q.instrument = 'RMDQ' AND q.status = 'completed' AND q.score IS NOT NULL ORDER BY completed_at, id LIMIT 1) frm ON true
  LEFT JOIN LATERAL (SELECT score FROM questionnaire_responses q WHERE q.episode_id = e.id AND q.instrument = 'RMDQ' AND q.status = 'completed' AND q.score IS NOT NULL ORDER BY completed_at DESC, id DESC LIMIT 1) lrm ON true
  LEFT JOIN LATERAL (SELECT band FROM questionnaire_responses q WHERE q.episode_id = e.id AND q.instrument = 'STARTBACK' AND q.status = 'completed' ORDER BY completed_at, id LIMIT 1) sb ON true
  WHERE e.id = ANY(ids)
  ON CONFLICT (episode_id) DO UPDATE SET
    clinic_id = excluded.clinic_id, pain_entries = excluded.pain_entries,
    first_pain_at = excluded.first_pain_at, first_pain = excluded.first_pain,
    last_pain_at = excluded.last_pain_at, last_pain = excluded.last_pain,
    exercise_sessions = excluded.exercise_sessions, last_exercise_at = excluded.last_exercise_at,
    odi_responses = excluded.odi_responses, first_odi = excluded.first_odi, first_odi_at = excluded.first_odi_at,
    last_odi = excluded.last_odi, last_odi_at = excluded.last_odi_at,
    first_psfs = excluded.first_psfs, last_psfs = excluded.last_psfs,
    first_rmdq = excluded.first_rmdq, last_rmdq = excluded.last_rmdq,
    startback_risk = excluded.startback_risk, updated_at = excluded.updated_at;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION episode_summaries_on_change() RETURNS trigger AS $$
BEGIN
  PERFORM episode_summaries_refresh(ARRAY(SELECT DISTINCT episode_id FROM changed_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pain_entries_summary_insert AFTER INSERT ON pain_entries REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_change();
--> statement-breakpoint
CREATE TRIGGER pain_entries_summary_update AFTER UPDATE ON pain_entries REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_change();
--> statement-breakpoint
CREATE TRIGGER pain_entries_summary_delete AFTER DELETE ON pain_entries REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_change();
--> statement-breakpoint
CREATE TRIGGER exercise_logs_summary_insert AFTER INSERT ON exercise_logs REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_change();
--> statement-breakpoint
CREATE TRIGGER exercise_logs_summary_update AFTER UPDATE ON exercise_logs REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_change();
--> statement-breakpoint
CREATE TRIGGER exercise_logs_summary_delete AFTER DELETE ON exercise_logs REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_change();
--> statement-breakpoint
CREATE TRIGGER questionnaire_responses_summary_insert AFTER INSERT ON questionnaire_responses REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_change();
--> statement-breakpoint
CREATE TRIGGER questionnaire_responses_summary_update AFTER UPDATE ON questionnaire_responses REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_change();
--> statement-breakpoint
CREATE TRIGGER questionnaire_responses_summary_delete AFTER DELETE ON questionnaire_responses REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_change();
--> statement-breakpoint
-- Episodes that already exist get their summary now; new episodes get one with their first entry.
-- On a large clinic this takes longer than the application's statement timeout (about 1 ms per
-- episode), so the timeout is lifted for the rest of this migration's transaction.
SET LOCAL statement_timeout = 0;
--> statement-breakpoint
SELECT episode_summaries_refresh(ARRAY(SELECT id FROM episodes));
--> statement-breakpoint
-- The audit chain's critical section inside the database: one statement from the application
-- takes the chain lock, reads the previous hash (a fresh snapshot: this function is VOLATILE) and
-- inserts the row with its hash. Before, the lock was held across three round trips to Node, so
-- under load every audited request queued behind another request's event-loop delay.
-- `fields_json` is the JSON array of the row's fields WITHOUT the previous hash, exactly as the
-- application's auditHash serialises them after it: the stored hash is
-- sha256('["' || previous_hash || '",' || fields_json without its "["), i.e. auditHash() unchanged.
CREATE OR REPLACE FUNCTION audit_append(
  p_at timestamptz, p_clinic_id uuid, p_actor_id uuid, p_actor_role text, p_action text,
  p_patient_id uuid, p_resource_type text, p_resource_id text, p_outcome audit_outcome,
  p_client_address text, p_detail jsonb, p_fields_json text
) RETURNS void AS $$
DECLARE
  previous text;
BEGIN
  PERFORM pg_advisory_xact_lock(727001);
  SELECT hash INTO previous FROM audit_events ORDER BY id DESC LIMIT 1;
  INSERT INTO audit_events (at, clinic_id, actor_id, actor_role, action, patient_id, resource_type,
    resource_id, outcome, client_address, detail, prev_hash, hash)
  VALUES (p_at, p_clinic_id, p_actor_id, p_actor_role, p_action, p_patient_id, p_resource_type,
    p_resource_id, p_outcome, p_client_address, p_detail, previous,
    encode(sha256(convert_to('["' || coalesce(previous, '') || '",' || substr(p_fields_json, 2), 'UTF8')), 'hex'));
END;
$$ LANGUAGE plpgsql VOLATILE;
