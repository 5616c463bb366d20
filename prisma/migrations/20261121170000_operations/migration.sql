-- 24/7 operations: SLA clock per node, overdue watch state, urgency triage (now part of the queue
-- order), rota and shift handover.
ALTER TABLE "application"
    ADD COLUMN "node_entered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN "paused_minutes" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "sla_warned_at" TIMESTAMPTZ(3),
    ADD COLUMN "sla_escalated_at" TIMESTAMPTZ(3),
    ADD COLUMN "deadline_risk_at" TIMESTAMPTZ(3),
    ADD COLUMN "unstaffed_at" TIMESTAMPTZ(3),
    ADD COLUMN "triage_score" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "triage_answers" JSONB;
ALTER TABLE "application" ADD CONSTRAINT "application_triage_score_range" CHECK ("triage_score" BETWEEN 0 AND 100);
ALTER TABLE "application" ADD CONSTRAINT "application_paused_minutes_check" CHECK ("paused_minutes" >= 0);

-- Existing cases: the node started at their last timeline event (or at submission).
UPDATE "application" a
   SET "node_entered_at" = COALESCE((SELECT max(e."occurred_at") FROM "timeline_event" e WHERE e."application_id" = a."id"), a."submitted_at");

-- The queue order now has the triage score after the tier.
DROP INDEX "application_tier_node_due_at_needed_by_id_idx";
DROP INDEX "application_current_node_tier_node_due_at_needed_by_id_idx";
DROP INDEX "application_assignee_id_tier_node_due_at_needed_by_id_idx";
DROP INDEX "application_service_id_tier_node_due_at_needed_by_id_idx";
CREATE INDEX "application_tier_triage_score_node_due_at_needed_by_id_idx"
    ON "application" ("tier" DESC, "triage_score" DESC, "node_due_at", "needed_by", "id") WHERE closed_at IS NULL;
CREATE INDEX "application_current_node_tier_triage_score_node_due_at_need_idx"
    ON "application" ("current_node", "tier" DESC, "triage_score" DESC, "node_due_at", "needed_by", "id") WHERE closed_at IS NULL;
CREATE INDEX "application_assignee_id_tier_triage_score_node_due_at_neede_idx"
    ON "application" ("assignee_id", "tier" DESC, "triage_score" DESC, "node_due_at", "needed_by", "id") WHERE closed_at IS NULL;
CREATE INDEX "application_service_id_tier_triage_score_node_due_at_needed_idx"
    ON "application" ("service_id", "tier" DESC, "triage_score" DESC, "node_due_at", "needed_by", "id") WHERE closed_at IS NULL;
CREATE INDEX "application_node_due_at_idx" ON "application" ("node_due_at") WHERE closed_at IS NULL;
CREATE INDEX "application_submitted_at_service_id_idx" ON "application" ("submitted_at", "service_id");

CREATE TABLE "shift" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "shift_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "shift_weekday_range" CHECK ("weekday" BETWEEN 1 AND 7),
    CONSTRAINT "shift_minutes_range" CHECK ("start_minute" BETWEEN 0 AND 1439 AND "end_minute" BETWEEN 0 AND 1440)
);
CREATE INDEX "shift_weekday_start_minute_idx" ON "shift"("weekday", "start_minute");

CREATE TABLE "shift_member" (
    "shift_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    CONSTRAINT "shift_member_pkey" PRIMARY KEY ("shift_id", "user_id")
);
CREATE INDEX "shift_member_user_id_idx" ON "shift_member"("user_id");
ALTER TABLE "shift_member" ADD CONSTRAINT "shift_member_shift_id_fkey" FOREIGN KEY ("shift_id") REFERENCES "shift"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "shift_member" ADD CONSTRAINT "shift_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "handover" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "shift_id" UUID,
    "author_id" UUID NOT NULL,
    "incidents" TEXT NOT NULL DEFAULT '',
    "checklist" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_by_id" UUID,
    "acknowledged_at" TIMESTAMPTZ(3),
    CONSTRAINT "handover_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "handover_created_at_idx" ON "handover"("created_at" DESC);
CREATE INDEX "handover_acknowledged_at_created_at_idx" ON "handover"("acknowledged_at", "created_at" DESC);
ALTER TABLE "handover" ADD CONSTRAINT "handover_shift_id_fkey" FOREIGN KEY ("shift_id") REFERENCES "shift"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "handover" ADD CONSTRAINT "handover_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "handover" ADD CONSTRAINT "handover_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "handover_case" (
    "handover_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "note" TEXT NOT NULL,
    CONSTRAINT "handover_case_pkey" PRIMARY KEY ("handover_id", "application_id")
);
CREATE INDEX "handover_case_application_id_idx" ON "handover_case"("application_id");
ALTER TABLE "handover_case" ADD CONSTRAINT "handover_case_handover_id_fkey" FOREIGN KEY ("handover_id") REFERENCES "handover"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "handover_case" ADD CONSTRAINT "handover_case_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
