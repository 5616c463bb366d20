-- A webhook delivery made due (a new event, or "redeliver" in the console) wakes a worker at once,
-- as queued notifications do (decision 018, migration 20261206100000): the graphile-worker job
-- "deliver-webhooks" is added in the same transaction, so it exists if and only if the change
-- commits. One per transaction, deferred to commit, keyed so one waits at a time. The delivery
-- row stays the record; the once-a-minute crontab entry finds anything a lost wake-up missed.
CREATE FUNCTION "webhook_delivery_wake"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('expedite.webhooks_woken', true) IS DISTINCT FROM 'yes'
     AND to_regnamespace('graphile_worker') IS NOT NULL THEN
    PERFORM set_config('expedite.webhooks_woken', 'yes', true);
    PERFORM graphile_worker.add_job('deliver-webhooks', job_key => 'deliver-webhooks', max_attempts => 3);
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "webhook_delivery_wake"
  AFTER INSERT OR UPDATE OF status ON "webhook_delivery"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (NEW.status = 'PENDING')
  EXECUTE FUNCTION "webhook_delivery_wake"();
