-- A pain entry used to refresh the whole of its episode's summary: every figure, including a count
-- over all of the episode's exercise logs and eleven probes of its questionnaires, about 1.4 ms of
-- the pain-log action's 3.7 ms in the database. Now each source table refreshes only its own columns.
-- An episode without a summary row yet gets the full refresh (episode_summaries_refresh, unchanged),
-- so the row is whole from its first write whichever table that write is in. PL/pgSQL, not SQL: a
-- SQL function's statements are planned again on every call, and planning these laterals cost more
-- than running them; PL/pgSQL keeps its plans for the life of the connection. For the same reason
-- the full refresh (a SQL function) is called only when a row is missing. The per-table laterals
-- are those of episode_summaries_refresh, so each column is computed the same way on either path.
CREATE FUNCTION episode_summaries_on_source_change() RETURNS trigger AS $$
DECLARE
  ids uuid[] := ARRAY(SELECT DISTINCT episode_id FROM changed_rows);
  missing uuid[] := ARRAY(SELECT i FROM unnest(ids) AS i WHERE NOT EXISTS (SELECT 1 FROM episode_summaries s WHERE s.episode_id = i));
BEGIN
  IF cardinality(missing) > 0 THEN
    PERFORM episode_summaries_refresh(missing);
  END IF;
  IF TG_TABLE_NAME = 'pain_entries' THEN
    UPDATE episode_summaries s SET pain_entries = pc.n, first_pain_at = fp.recorded_at, first_pain = fp.score,
      last_pain_at = lp.recorded_at, last_pain = lp.score, updated_at = now()
    FROM unnest(ids) AS u(id)
    CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM pain_entries p WHERE p.episode_id = u.id) pc
    LEFT JOIN LATERAL (SELECT recorded_at, score FROM pain_entries p WHERE p.episode_id = u.id ORDER BY recorded_at, id LIMIT 1) fp ON true
    LEFT JOIN LATERAL (SELECT recorded_at, score FROM pain_entries p WHERE p.episode_id = u.id ORDER BY recorded_at DESC, id DESC LIMIT 1) lp ON true
    WHERE s.episode_id = u.id;
  ELSIF TG_TABLE_NAME = 'exercise_logs' THEN
    UPDATE episode_summaries s SET exercise_sessions = xl.n, last_exercise_at = xl.last_at, updated_at = now()
    FROM unnest(ids) AS u(id)
    CROSS JOIN LATERAL (SELECT (count(*) FILTER (WHERE x.status <> 'skipped'))::int AS n, max(x.logged_at) AS last_at FROM exercise_logs x WHERE x.episode_id = u.id) xl
    WHERE s.episode_id = u.id;
  ELSE
    UPDATE episode_summaries s SET odi_responses = oc.n, first_odi = fo.score, first_odi_at = fo.completed_at,
      last_odi = lo.score, last_odi_at = lo.completed_at, first_psfs = fps.score, last_psfs = lps.score,
      first_rmdq = frm.score, last_rmdq = lrm.score, startback_risk = sb.band, updated_at = now()
    FROM unnest(ids) AS u(id)
    CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM questionnaire_responses q WHERE q.episode_id = u.id AND q.instrument = 'ODI' AND q.status = 'completed' AND q.score IS NOT NULL) oc
    LEFT JOIN LATERAL (SELECT score, completed_at FROM questionnaire_responses q WHERE q.episode_id = u.id AND q.instrument = 'ODI' AND q.status = 'completed' AND q.score IS NOT NULL ORDER BY completed_at, id LIMIT 1) fo ON true
    LEFT JOIN LATERAL (SELECT score, completed_at FROM questionnaire_responses q WHERE q.episode_id = u.id AND q.instrument = 'ODI' AND q.status = 'completed' AND q.score IS NOT NULL ORDER BY completed_at DESC, id DESC LIMIT 1) lo ON true
    LEFT JOIN LATERAL (SELECT score FROM questionnaire_responses q WHERE q.episode_id = u.id AND q.instrument = 'PSFS' AND q.status = 'completed' AND q.score IS NOT NULL ORDER BY completed_at, id LIMIT 1) fps ON true
    LEFT JOIN LATERAL (SELECT score FROM questionnaire_responses q WHERE q.episode_id = u.id AND q.instrument = 'PSFS' AND q.status = 'completed' AND q.score IS NOT NULL ORDER BY completed_at DESC, id DESC LIMIT 1) lps ON true
    LEFT JOIN LATERAL (SELECT score FROM questionnaire_responses q WHERE q.episode_id = u.id AND q.instrument = 'RMDQ' AND q.status = 'completed' AND q.score IS NOT NULL ORDER BY completed_at, id LIMIT 1) frm ON true
    LEFT JOIN LATERAL (SELECT score FROM questionnaire_responses q WHERE q.episode_id = u.id AND q.instrument = 'RMDQ' AND q.status = 'completed' AND q.score IS NOT NULL ORDER BY completed_at DESC, id DESC LIMIT 1) lrm ON true
    LEFT JOIN LATERAL (SELECT band FROM questionnaire_responses q WHERE q.episode_id = u.id AND q.instrument = 'STARTBACK' AND q.status = 'completed' ORDER BY completed_at, id LIMIT 1) sb ON true
    WHERE s.episode_id = u.id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER pain_entries_summary_insert ON pain_entries;--> statement-breakpoint
DROP TRIGGER pain_entries_summary_update ON pain_entries;--> statement-breakpoint
DROP TRIGGER pain_entries_summary_delete ON pain_entries;--> statement-breakpoint
DROP TRIGGER exercise_logs_summary_insert ON exercise_logs;--> statement-breakpoint
DROP TRIGGER exercise_logs_summary_update ON exercise_logs;--> statement-breakpoint
DROP TRIGGER exercise_logs_summary_delete ON exercise_logs;--> statement-breakpoint
DROP TRIGGER questionnaire_responses_summary_insert ON questionnaire_responses;--> statement-breakpoint
DROP TRIGGER questionnaire_responses_summary_update ON questionnaire_responses;--> statement-breakpoint
DROP TRIGGER questionnaire_responses_summary_delete ON questionnaire_responses;--> statement-breakpoint
DROP FUNCTION episode_summaries_on_change();--> statement-breakpoint
CREATE TRIGGER pain_entries_summary_insert AFTER INSERT ON pain_entries REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_source_change();--> statement-breakpoint
CREATE TRIGGER pain_entries_summary_update AFTER UPDATE ON pain_entries REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_source_change();--> statement-breakpoint
CREATE TRIGGER pain_entries_summary_delete AFTER DELETE ON pain_entries REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_source_change();--> statement-breakpoint
CREATE TRIGGER exercise_logs_summary_insert AFTER INSERT ON exercise_logs REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_source_change();--> statement-breakpoint
CREATE TRIGGER exercise_logs_summary_update AFTER UPDATE ON exercise_logs REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_source_change();--> statement-breakpoint
CREATE TRIGGER exercise_logs_summary_delete AFTER DELETE ON exercise_logs REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_source_change();--> statement-breakpoint
CREATE TRIGGER questionnaire_responses_summary_insert AFTER INSERT ON questionnaire_responses REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_source_change();--> statement-breakpoint
CREATE TRIGGER questionnaire_responses_summary_update AFTER UPDATE ON questionnaire_responses REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_source_change();--> statement-breakpoint
CREATE TRIGGER questionnaire_responses_summary_delete AFTER DELETE ON questionnaire_responses REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_summaries_on_source_change();
