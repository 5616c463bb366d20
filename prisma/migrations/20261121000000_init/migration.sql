-- CreateEnum
CREATE TYPE "role" AS ENUM ('APPLICANT', 'REVIEWER', 'SUPERVISOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "urgency_tier" AS ENUM ('STANDARD', 'URGENT', 'EXPRESS');

-- CreateEnum
CREATE TYPE "workflow_node" AS ENUM ('SUBMITTED', 'MATERIAL_CHECK', 'AWAITING_SUPPLEMENT', 'SUBSTANTIVE_REVIEW', 'EXPERT_REVIEW', 'DECISION', 'RESULT_NOTIFIED', 'DOCUMENT_ISSUED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "application_status" AS ENUM ('IN_PROGRESS', 'AWAITING_APPLICANT', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'COMPLETED');

-- CreateEnum
CREATE TYPE "payment_status" AS ENUM ('UNPAID', 'PAID', 'WAIVED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "id_type" AS ENUM ('CN_RESIDENT_ID', 'PASSPORT');

-- CreateEnum
CREATE TYPE "evidence_kind" AS ENUM ('ID_PROOF', 'URGENCY_PROOF', 'OTHER', 'SUPPLEMENT', 'RESULT_DOCUMENT');

-- CreateEnum
CREATE TYPE "timeline_action" AS ENUM ('SUBMITTED', 'ADVANCED', 'ASSIGNED', 'SUPPLEMENT_REQUESTED', 'SUPPLEMENT_PROVIDED', 'NOTE_ADDED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'DOCUMENT_UPLOADED', 'DOCUMENT_ISSUED', 'PAYMENT_RECORDED', 'REFUND_RECORDED');

-- CreateEnum
CREATE TYPE "supplement_status" AS ENUM ('OPEN', 'FULFILLED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "notification_channel" AS ENUM ('IN_APP', 'EMAIL', 'SMS');

-- CreateEnum
CREATE TYPE "notification_status" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "role" "role" NOT NULL DEFAULT 'APPLICANT',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "phone" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "service_type" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description_zh" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "base_fee_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'CNY',
    "requires_expert_review" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_type_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_tier" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_id" UUID NOT NULL,
    "tier" "urgency_tier" NOT NULL,
    "surcharge_minor" INTEGER NOT NULL DEFAULT 0,
    "processing_hours" INTEGER NOT NULL,
    "available" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "service_tier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "node_target" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_tier_id" UUID NOT NULL,
    "node" "workflow_node" NOT NULL,
    "target_minutes" INTEGER NOT NULL,

    CONSTRAINT "node_target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence_requirement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_id" UUID NOT NULL,
    "kind" "evidence_kind" NOT NULL,
    "label_zh" TEXT NOT NULL,
    "label_en" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "evidence_requirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_service" (
    "user_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,

    CONSTRAINT "staff_service_pkey" PRIMARY KEY ("user_id","service_id")
);

-- CreateTable
CREATE TABLE "application" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" TEXT NOT NULL,
    "applicant_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "tier" "urgency_tier" NOT NULL,
    "reason" TEXT NOT NULL,
    "needed_by" TIMESTAMPTZ(3) NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "id_type" "id_type" NOT NULL,
    "id_number_hash" TEXT NOT NULL,
    "id_number_masked" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "current_node" "workflow_node" NOT NULL DEFAULT 'SUBMITTED',
    "status" "application_status" NOT NULL DEFAULT 'IN_PROGRESS',
    "assignee_id" UUID,
    "fee_base_minor" INTEGER NOT NULL,
    "fee_surcharge_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'CNY',
    "payment_status" "payment_status" NOT NULL DEFAULT 'UNPAID',
    "paid_at" TIMESTAMPTZ(3),
    "node_due_at" TIMESTAMPTZ(3),
    "case_due_at" TIMESTAMPTZ(3),
    "submission_key" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence_file" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID,
    "supplement_request_id" UUID,
    "uploader_id" UUID NOT NULL,
    "kind" "evidence_kind" NOT NULL,
    "original_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "timeline_event" (
    "id" BIGSERIAL NOT NULL,
    "application_id" UUID NOT NULL,
    "node" "workflow_node" NOT NULL,
    "action" "timeline_action" NOT NULL,
    "actor_id" UUID,
    "public_note" TEXT,
    "internal_note" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMPTZ(3),

    CONSTRAINT "timeline_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supplement_request" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "status" "supplement_status" NOT NULL DEFAULT 'OPEN',
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fulfilled_at" TIMESTAMPTZ(3),

    CONSTRAINT "supplement_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supplement_item" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "request_id" UUID NOT NULL,
    "problem" TEXT NOT NULL,
    "suggestion" TEXT,
    "resolved" BOOLEAN NOT NULL DEFAULT false,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "supplement_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "recipient_id" UUID,
    "application_id" UUID,
    "channel" "notification_channel" NOT NULL,
    "template" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "payload" JSONB NOT NULL DEFAULT '{}',
    "to_address" TEXT,
    "status" "notification_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "details" JSONB,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE INDEX "user_role_active_idx" ON "user"("role", "active");

-- CreateIndex
CREATE UNIQUE INDEX "service_type_code_key" ON "service_type"("code");

-- CreateIndex
CREATE INDEX "service_type_active_sort_order_idx" ON "service_type"("active", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "service_tier_service_id_tier_key" ON "service_tier"("service_id", "tier");

-- CreateIndex
CREATE UNIQUE INDEX "node_target_service_tier_id_node_key" ON "node_target"("service_tier_id", "node");

-- CreateIndex
CREATE INDEX "evidence_requirement_service_id_sort_order_idx" ON "evidence_requirement"("service_id", "sort_order");

-- CreateIndex
CREATE INDEX "staff_service_service_id_idx" ON "staff_service"("service_id");

-- CreateIndex
CREATE UNIQUE INDEX "application_number_key" ON "application"("number");

-- CreateIndex
CREATE UNIQUE INDEX "application_submission_key_key" ON "application"("submission_key");

-- CreateIndex
CREATE INDEX "application_status_tier_node_due_at_idx" ON "application"("status", "tier" DESC, "node_due_at");

-- CreateIndex
CREATE INDEX "application_current_node_tier_node_due_at_idx" ON "application"("current_node", "tier" DESC, "node_due_at");

-- CreateIndex
CREATE INDEX "application_assignee_id_status_node_due_at_idx" ON "application"("assignee_id", "status", "node_due_at");

-- CreateIndex
CREATE INDEX "application_applicant_id_created_at_idx" ON "application"("applicant_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "application_service_id_status_idx" ON "application"("service_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_file_storage_key_key" ON "evidence_file"("storage_key");

-- CreateIndex
CREATE INDEX "evidence_file_application_id_kind_idx" ON "evidence_file"("application_id", "kind");

-- CreateIndex
CREATE INDEX "evidence_file_application_id_sha256_idx" ON "evidence_file"("application_id", "sha256");

-- CreateIndex
CREATE INDEX "evidence_file_uploader_id_created_at_idx" ON "evidence_file"("uploader_id", "created_at");

-- CreateIndex
CREATE INDEX "timeline_event_application_id_occurred_at_idx" ON "timeline_event"("application_id", "occurred_at");

-- CreateIndex
CREATE INDEX "supplement_request_application_id_status_idx" ON "supplement_request"("application_id", "status");

-- CreateIndex
CREATE INDEX "supplement_item_request_id_sort_order_idx" ON "supplement_item"("request_id", "sort_order");

-- CreateIndex
CREATE INDEX "notification_status_next_attempt_at_idx" ON "notification"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "notification_recipient_id_channel_created_at_idx" ON "notification"("recipient_id", "channel", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notification_application_id_idx" ON "notification"("application_id");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_actor_id_created_at_idx" ON "audit_log"("actor_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- AddForeignKey
ALTER TABLE "service_tier" ADD CONSTRAINT "service_tier_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service_type"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "node_target" ADD CONSTRAINT "node_target_service_tier_id_fkey" FOREIGN KEY ("service_tier_id") REFERENCES "service_tier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_requirement" ADD CONSTRAINT "evidence_requirement_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service_type"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_service" ADD CONSTRAINT "staff_service_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_service" ADD CONSTRAINT "staff_service_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service_type"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_applicant_id_fkey" FOREIGN KEY ("applicant_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service_type"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_supplement_request_id_fkey" FOREIGN KEY ("supplement_request_id") REFERENCES "supplement_request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_uploader_id_fkey" FOREIGN KEY ("uploader_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timeline_event" ADD CONSTRAINT "timeline_event_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timeline_event" ADD CONSTRAINT "timeline_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supplement_request" ADD CONSTRAINT "supplement_request_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supplement_request" ADD CONSTRAINT "supplement_request_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supplement_item" ADD CONSTRAINT "supplement_item_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "supplement_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Append-only tables (hand-written; Prisma cannot express triggers). The timeline is the
-- applicant's proof of what happened and the audit log is evidence, so neither may be rewritten
-- after the fact. Row-level BEFORE triggers also cover UPDATEs issued by foreign-key actions
-- (ON DELETE SET NULL from "user"), so a user with history cannot be deleted: deactivate instead.
-- TRUNCATE is deliberately not covered so tests can reset tables.
CREATE FUNCTION "reject_append_only_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on "%" is not allowed: the table is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'P0001', HINT = 'Insert a new row instead of changing or removing an existing one.';
END;
$$;

CREATE TRIGGER "timeline_event_append_only"
    BEFORE UPDATE OR DELETE ON "timeline_event"
    FOR EACH ROW EXECUTE FUNCTION "reject_append_only_change"();

CREATE TRIGGER "audit_log_append_only"
    BEFORE UPDATE OR DELETE ON "audit_log"
    FOR EACH ROW EXECUTE FUNCTION "reject_append_only_change"();
