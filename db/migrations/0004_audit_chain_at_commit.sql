-- Audit rows written inside a transaction are chained when it commits, not when the row is written.
-- audit_append() holds the chain lock until its transaction ends; called mid-transaction, the lock
-- stayed held while the application went on with its other statements and sent COMMIT, so under load
-- every audited write queued behind the slowest one. Now such a row goes to audit_pending, and a
-- deferred constraint trigger appends it to the chain during COMMIT itself, inside the server: the
-- lock is held for microseconds. Same transaction, so the change and its audit row still commit or
-- fail together. audit_append() remains the only writer of audit_events.
CREATE TABLE audit_pending (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  clinic_id uuid,
  actor_id uuid,
  actor_role text,
  action text NOT NULL,
  patient_id uuid,
  resource_type text,
  resource_id text,
  outcome audit_outcome NOT NULL,
  client_address text,
  detail jsonb,
  fields_json text NOT NULL
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_pending_flush() RETURNS trigger AS $$
BEGIN
  PERFORM audit_append(NEW.at, NEW.clinic_id, NEW.actor_id, NEW.actor_role, NEW.action, NEW.patient_id,
    NEW.resource_type, NEW.resource_id, NEW.outcome, NEW.client_address, NEW.detail, NEW.fields_json);
  DELETE FROM audit_pending WHERE id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql VOLATILE;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_pending_flush AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_pending_flush();
