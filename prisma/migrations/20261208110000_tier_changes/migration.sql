-- Tier changes after submission (issue 16, decision 032): "accept as standard" and the applicant's
-- paid upgrade. The new enum values are not used in this transaction (PostgreSQL allows adding them
-- inside one, not using them). One row per case and target tier: the unique index backs the
-- upgrade's idempotency key (lib/workflow/tier-change.ts).

ALTER TYPE "timeline_action" ADD VALUE 'ACCEPTED_AS_STANDARD';
ALTER TYPE "timeline_action" ADD VALUE 'TIER_UPGRADED';

-- CreateTable
CREATE TABLE "tier_change" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    "from_tier" "urgency_tier" NOT NULL,
    "to_tier" "urgency_tier" NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "payment_provider" TEXT,
    "payment_reference" TEXT,
    "actor_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tier_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tier_change_payment_reference_key" ON "tier_change"("payment_reference");

-- CreateIndex
CREATE UNIQUE INDEX "tier_change_application_id_to_tier_key" ON "tier_change"("application_id", "to_tier");

-- AddForeignKey
ALTER TABLE "tier_change" ADD CONSTRAINT "tier_change_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
