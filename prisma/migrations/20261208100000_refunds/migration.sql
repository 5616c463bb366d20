-- Refunds done by the system (issue 16, decision 031): one row per case and cause, recorded PENDING
-- in the transaction of its cause and paid out through the payment provider after commit.
-- UNIQUE(application_id, cause) is what makes a second refund for one cause impossible, whatever
-- runs concurrently. The CHECK, the backfill and the trigger are hand-written (Prisma cannot say them).

-- CreateEnum
CREATE TYPE "refund_cause" AS ENUM ('MISSED_PROMISE', 'WITHDRAWN', 'DOWNGRADED', 'WAIVED', 'MANUAL');

-- CreateEnum
CREATE TYPE "refund_status" AS ENUM ('PENDING', 'DONE');

-- CreateTable
CREATE TABLE "refund" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    "cause" "refund_cause" NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" "refund_status" NOT NULL DEFAULT 'PENDING',
    "idempotency_key" TEXT NOT NULL,
    "actor_id" UUID,
    "provider" TEXT,
    "reference" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lease_until" TIMESTAMPTZ(3),
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "refund_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "refund_idempotency_key_key" ON "refund"("idempotency_key");

-- CreateIndex
CREATE INDEX "refund_next_attempt_at_idx" ON "refund"("next_attempt_at") WHERE (status = 'PENDING');

-- CreateIndex
CREATE INDEX "refund_requested_at_cause_idx" ON "refund"("requested_at", "cause");

-- CreateIndex
CREATE UNIQUE INDEX "refund_application_id_cause_key" ON "refund"("application_id", "cause");

-- AddForeignKey
ALTER TABLE "refund" ADD CONSTRAINT "refund_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "refund" ADD CONSTRAINT "refund_amount_positive" CHECK ("amount_minor" > 0);

-- One truth: the refunds a supervisor recorded by hand before this table become its MANUAL rows
-- (already paid out; their reference is the case's). refunded_minor/refunded_at stay as the sum.
INSERT INTO "refund" ("application_id", "cause", "amount_minor", "currency", "status", "idempotency_key",
                      "provider", "next_attempt_at", "requested_at", "completed_at")
SELECT "id", 'MANUAL', "refunded_minor", "currency", 'DONE', 'refund:' || "id" || ':MANUAL',
       'recorded', COALESCE("refunded_at", "updated_at"), COALESCE("refunded_at", "updated_at"), "refunded_at"
  FROM "application"
 WHERE "refunded_minor" > 0;

-- A refund recorded PENDING wakes a worker at once (like the outbox, decision 018): the job
-- "execute-refunds" exists if and only if the refund commits. The once-a-minute crontab entry is
-- the fallback; without graphile-worker's schema nothing is added.
CREATE FUNCTION "refund_wake_executor"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('expedite.refunds_woken', true) IS DISTINCT FROM 'yes'
     AND to_regnamespace('graphile_worker') IS NOT NULL THEN
    PERFORM set_config('expedite.refunds_woken', 'yes', true);
    PERFORM graphile_worker.add_job('execute-refunds', job_key => 'execute-refunds', max_attempts => 3);
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "refund_wake_executor"
  AFTER INSERT ON "refund"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (NEW.status = 'PENDING')
  EXECUTE FUNCTION "refund_wake_executor"();
