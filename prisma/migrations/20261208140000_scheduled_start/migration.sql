-- "Start next morning" chosen at night (decision 035): the case is neither assigned nor timed
-- until this instant, the start of the next day shift; the worker starts it then and clears it.
ALTER TABLE "application" ADD COLUMN     "scheduled_start_at" TIMESTAMPTZ(3);

-- The worker's per-minute look-up of cases whose start has come.
CREATE INDEX "application_scheduled_start_at_idx" ON "application"("scheduled_start_at") WHERE (scheduled_start_at IS NOT NULL);
