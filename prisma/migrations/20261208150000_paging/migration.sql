-- Paging the staff on duty (lib/paging, decision 036): each staff member's channel preference, and
-- one row per page sent with the sha256 of its acknowledge link's token (never the token itself).
-- CreateEnum
CREATE TYPE "paging_preference" AS ENUM ('EMAIL', 'SMS', 'BOTH');

-- CreateEnum
CREATE TYPE "page_reason" AS ENUM ('NEW_EXPRESS', 'ESCALATION', 'FOLLOW_UP', 'DEADLINE_RISK', 'UNACKNOWLEDGED');

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "paging_preference" "paging_preference" NOT NULL DEFAULT 'EMAIL';

-- CreateTable
CREATE TABLE "page" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    "reason" "page_reason" NOT NULL,
    "recipient_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ack_due_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" UUID,
    "escalated_at" TIMESTAMPTZ(3),
    "escalates_id" UUID,

    CONSTRAINT "page_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "page_token_hash_key" ON "page"("token_hash");

-- CreateIndex
CREATE INDEX "page_application_id_reason_idx" ON "page"("application_id", "reason");

-- CreateIndex
CREATE INDEX "page_ack_due_at_idx" ON "page"("ack_due_at") WHERE (acknowledged_at IS NULL AND escalated_at IS NULL AND ack_due_at IS NOT NULL);

-- CreateIndex
CREATE INDEX "page_created_at_idx" ON "page"("created_at");

-- AddForeignKey
ALTER TABLE "page" ADD CONSTRAINT "page_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "page" ADD CONSTRAINT "page_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "page" ADD CONSTRAINT "page_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "page" ADD CONSTRAINT "page_escalates_id_fkey" FOREIGN KEY ("escalates_id") REFERENCES "page"("id") ON DELETE SET NULL ON UPDATE CASCADE;
