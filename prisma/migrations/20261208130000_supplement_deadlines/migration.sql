-- Supplement deadlines (issue 16, item 3; decision 034): reminders, the lapse flag and staff's three answers.
-- The new enum values are not used in this migration (Postgres refuses that inside the adding transaction).

-- AlterEnum
ALTER TYPE "supplement_status" ADD VALUE 'NOT_PROVIDED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "timeline_action" ADD VALUE 'SUPPLEMENT_LAPSED';
ALTER TYPE "timeline_action" ADD VALUE 'SUPPLEMENT_EXTENDED';
ALTER TYPE "timeline_action" ADD VALUE 'SUPPLEMENT_WAIVED';

-- AlterTable
ALTER TABLE "application" ADD COLUMN     "supplement_lapsed_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "supplement_request" ADD COLUMN     "extended_at" TIMESTAMPTZ(3),
ADD COLUMN     "from_node" "workflow_node",
ADD COLUMN     "lapsed_at" TIMESTAMPTZ(3),
ADD COLUMN     "reminded_hours" INTEGER;

-- CreateIndex
CREATE INDEX "supplement_request_due_at_idx" ON "supplement_request"("due_at") WHERE (status = 'OPEN');
