-- An email or text message queued in the outbox wakes a worker at once (decision 018): a
-- graphile-worker job "relay-outbox" is added in the same transaction as the row, so it exists
-- if and only if the change commits. Every code path that writes the outbox (nine today, and psql)
-- gets it from this one place. Hand-written: Prisma cannot express triggers.
--
-- - One job per transaction: the first row sets a transaction-local flag, the rest see it.
-- - Deferred to commit: the job key "relay-outbox" makes concurrent transactions update one row,
--   so its lock is taken as late as possible and never held while other locks are awaited.
-- - The job is only a wake-up; the outbox row stays the record. Without graphile-worker's schema
--   (a database migrated by an older runner) nothing is added and the workers' once-a-minute
--   relay finds the row instead.
CREATE FUNCTION "notification_wake_relay"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('expedite.relay_woken', true) IS DISTINCT FROM 'yes'
     AND to_regnamespace('graphile_worker') IS NOT NULL THEN
    PERFORM set_config('expedite.relay_woken', 'yes', true);
    PERFORM graphile_worker.add_job('relay-outbox', job_key => 'relay-outbox', max_attempts => 3);
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "notification_wake_relay"
  AFTER INSERT OR UPDATE OF status ON "notification"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (NEW.status = 'PENDING' AND NEW.channel IN ('EMAIL', 'SMS'))
  EXECUTE FUNCTION "notification_wake_relay"();
